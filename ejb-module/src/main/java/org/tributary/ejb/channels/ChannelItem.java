package org.tributary.ejb.channels;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;

/** One stored playlist line of a channel: a file under the media root and its weight (1 to 10). */
@Embeddable
public class ChannelItem implements Serializable {

    @Column(name = "path", nullable = false, length = 1024)
    private String path;

    @Column(name = "weight", nullable = false)
    private int weight;

    protected ChannelItem() {
    }

    public ChannelItem(String path, int weight) {
        this.path = path;
        this.weight = weight;
    }

    public String getPath() {
        return path;
    }

    public int getWeight() {
        return weight;
    }
}
