package org.tributary.api;

import java.io.Serializable;
import java.util.List;

/**
 * What became of a request to start a channel or change its playlist.
 *
 * @param channel  the channel after the request (unchanged when refused), or null when there is none
 * @param problems why it was refused, one line each naming the file and what is wrong; empty when done
 */
public record ChannelOutcome(ChannelInfo channel, List<String> problems) implements Serializable {

    public ChannelOutcome {
        problems = List.copyOf(problems);
    }

    public boolean accepted() {
        return problems.isEmpty();
    }
}
