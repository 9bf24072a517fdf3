package org.tributary.api;

import java.io.Serializable;
import java.util.List;

/**
 * The live paths the adapter carries now (canonical, without a leading slash, sorted).
 *
 * @param originals   from a source of this server's own: a publisher, a local broadcaster, a channel, a relay
 * @param clusterCopies pulled from another node of the cluster for viewers here
 */
public record LivePaths(List<String> originals, List<String> clusterCopies) implements Serializable {

    public LivePaths {
        originals = List.copyOf(originals);
        clusterCopies = List.copyOf(clusterCopies);
    }
}
