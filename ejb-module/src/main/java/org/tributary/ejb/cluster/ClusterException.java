package org.tributary.ejb.cluster;

import jakarta.ejb.ApplicationException;

/**
 * A cluster request that does not fit: the node or command is unknown, or the node is not alive. An application
 * exception, so the container hands it over as is and rolls back.
 */
@ApplicationException(rollback = true)
public class ClusterException extends RuntimeException {

    /** Why. */
    public enum Reason {
        /** No cluster node of that name (or this server is not a cluster node). */
        UNKNOWN_NODE,
        /** No command of that id (or it was purged, an hour after it was made). */
        UNKNOWN_COMMAND,
        /** The node has not been heard of within the dead-after time: nobody would run the command. */
        NODE_DOWN
    }

    private final Reason reason;

    public ClusterException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static ClusterException unknownNode(String node) {
        return new ClusterException(Reason.UNKNOWN_NODE, "cluster node '" + node + "' not found");
    }

    static ClusterException unknownCommand(long id) {
        return new ClusterException(Reason.UNKNOWN_COMMAND, "cluster command " + id + " not found");
    }

    static ClusterException nodeDown(NodeStatus node) {
        return new ClusterException(Reason.NODE_DOWN, "cluster node '" + node.name() + "' is not alive (last heard "
                + node.lastHeardSeconds() + " s ago): its sessions cannot be ended from here");
    }
}
