package org.tributary.ejb.cluster;

import java.io.Serializable;

/**
 * Where a request to end a session of a cluster node stands.
 *
 * @param node      the node
 * @param sessionId the session
 * @param state     ended, no such session, or pending (another node has not run it yet)
 * @param command   the command left for another node, or null when this node ended it itself
 */
public record EndRequest(String node, String sessionId, State state, Long command) implements Serializable {

    /** The states, with the words the API answers. */
    public enum State {
        PENDING("pending"), ENDED("ended"), NO_SUCH_SESSION("no such session");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static State ofOutcome(String outcome) {
            return ENDED.label.equals(outcome) ? ENDED : NO_SUCH_SESSION;
        }
    }

    public boolean pending() {
        return state == State.PENDING;
    }

    /** For people: "Session 42 on edge2 ended.", "… still pending (command 7).", "… no such session.". */
    public String describe() {
        String what = "Session " + sessionId + " on " + node;
        return switch (state) {
            case ENDED -> what + " ended.";
            case NO_SUCH_SESSION -> what + ": no such session (it had already ended).";
            case PENDING -> what + ": still pending (command " + command + "); " + node
                    + " ends it at its next heartbeat.";
        };
    }
}
