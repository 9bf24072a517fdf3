package org.tributary.ejb.cluster;

import org.tributary.ejb.adapter.AdapterClient;

import java.util.function.UnaryOperator;

/**
 * Carries out one command left for this node; the heartbeat notes its outcome and logs it. Ending a session acts on
 * this node's adapter. A relay or channel change is for the node that runs them (the origin), which makes its adapter
 * match the store; an edge that gets one (misaddressed) does nothing and says so, so the command does not wait for
 * ever. Plain Java over the three actions, so it is tested without a container.
 */
final class CommandRunner {

    /** Ends a session in this node's adapter; whether there was one. */
    @FunctionalInterface
    interface SessionEnder {
        boolean end(String sessionId) throws AdapterClient.AdapterUnavailableException;
    }

    /**
     * What a command did.
     *
     * @param outcome for the command's row ("ended" and "no such session" are what {@link EndRequest} reads back)
     * @param log     for this node's log line
     */
    record Done(String outcome, String log) {
    }

    private final boolean runsRelaysAndChannels;
    private final SessionEnder sessions;
    private final UnaryOperator<String> relays;
    private final UnaryOperator<String> channels;

    /**
     * @param runsRelaysAndChannels whether this node's adapter runs the stored relays and channels
     * @param relays                a relay's name to what resynchronising it did
     * @param channels              a channel's name to what resynchronising it did
     */
    CommandRunner(boolean runsRelaysAndChannels, SessionEnder sessions, UnaryOperator<String> relays,
                  UnaryOperator<String> channels) {
        this.runsRelaysAndChannels = runsRelaysAndChannels;
        this.sessions = sessions;
        this.relays = relays;
        this.channels = channels;
    }

    /** @throws AdapterClient.AdapterUnavailableException when the adapter does not answer: the command stays pending */
    Done run(ClusterCommands.Pending command) throws AdapterClient.AdapterUnavailableException {
        return switch (command.action()) {
            case END_SESSION -> ended(command.sessionId(), sessions.end(command.sessionId()));
            case RELAY_CHANGED -> resynced("relay", command.subject(), relays);
            case CHANNEL_CHANGED -> resynced("channel", command.subject(), channels);
        };
    }

    private static Done ended(String sessionId, boolean ended) {
        EndRequest.State state = ended ? EndRequest.State.ENDED : EndRequest.State.NO_SUCH_SESSION;
        return new Done(state.label(), "session " + sessionId + (ended ? " ended" : " not found (already ended)"));
    }

    private Done resynced(String kind, String name, UnaryOperator<String> resync) {
        String outcome = runsRelaysAndChannels ? resync.apply(name)
                : "ignored: this node is an edge, the origin runs " + kind + " " + name;
        return new Done(outcome, outcome);
    }
}
