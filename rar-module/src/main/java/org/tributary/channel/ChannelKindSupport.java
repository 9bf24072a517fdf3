package org.tributary.channel;

import org.tributary.api.ChannelDefinition;

import java.util.List;

/** How one {@link org.tributary.api.ChannelKind} is checked, titled and started. */
public interface ChannelKindSupport {

    /**
     * Why this definition cannot start (its mount, its reference item, each item that is missing, unreadable
     * or differs from the reference), one line per problem naming the file; empty when it can.
     */
    List<String> check(ChannelDefinition definition);

    /** The title of an item for "now playing" and the play log: its metadata, else its file name. */
    String title(String path);

    /**
     * Starts feeding a checked definition.
     *
     * @throws ChannelStartException when it cannot start after all (the mount is taken meanwhile, ...)
     */
    Channel start(ChannelDefinition definition, ChannelProgramme programme) throws ChannelStartException;

    /** A channel could not start; the message is for the operator. */
    final class ChannelStartException extends Exception {
        public ChannelStartException(String message) {
            super(message);
        }
    }
}
