package org.tributary.ejb.channels;

import java.io.Serializable;
import java.util.List;

/**
 * What became of a change the adapter had to accept (a start, a change of a running channel, an insert).
 *
 * @param channel  the channel after the request (as it was when refused)
 * @param problems why the adapter refused, one line each naming the file; empty when done
 */
public record ChannelResult(ChannelStatus channel, List<String> problems) implements Serializable {

    public ChannelResult {
        problems = List.copyOf(problems);
    }

    public boolean accepted() {
        return problems.isEmpty();
    }
}
