package org.tributary.ejb.cluster;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.tributary.api.SessionInfo;
import org.tributary.ejb.adapter.AdapterClient;
import org.tributary.ejb.adapter.AdapterOfflineException;

import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * The cluster for the console and the API: every node of the shared table with whether it is alive, their totals,
 * a node's sessions, and ending a session on any alive node. This node's own figures come from its adapter; the
 * others' from their last heartbeat. No transaction of its own: each database step is one ({@link ClusterNodes},
 * {@link ClusterCommands}), so a request is committed before {@link #await} looks for the other node's answer.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClusterService {

    private static final Logger LOG = Logger.getLogger(ClusterService.class.getName());
    static final long POLL_MILLIS = 200;

    @EJB
    private ClusterNodes nodes;

    @EJB
    private ClusterCommands commands;

    @EJB
    private AdapterClient adapter;

    /** Whether this server is a cluster node. */
    public boolean clustered() {
        return settings().clustered();
    }

    /** This node's name; null when this server is not a cluster node. */
    public String self() {
        return clustered() ? settings().nodeName() : null;
    }

    /** Every node of the table, alive or not, by name; empty when this server is not a cluster node. */
    public List<NodeStatus> nodes() {
        return clustered() ? nodes.snapshot(settings().deadAfterSeconds()).nodes() : List.of();
    }

    /** The sums over the alive nodes. */
    public Totals totals() {
        return Totals.of(nodes());
    }

    /**
     * A node's live sessions: this node's from its adapter, another's as of its last heartbeat (its newest 500).
     *
     * @throws ClusterException UNKNOWN_NODE when there is no such node
     */
    public List<SessionInfo> sessions(String node) {
        if (isSelf(node)) {
            try {
                return adapter.sessions();
            } catch (AdapterClient.AdapterUnavailableException e) {
                throw new AdapterOfflineException(e.getMessage(), e);
            }
        }
        String json = clustered() ? nodes.sessionsJson(node).orElse(null) : null;
        if (json == null) {
            throw ClusterException.unknownNode(node);
        }
        return SessionsJson.read(json);
    }

    /**
     * Ends a session of a node: this node's at once; another alive node's by a command it runs at its next
     * heartbeat (committed on return: {@link #await} then watches it).
     *
     * @throws ClusterException UNKNOWN_NODE for no such node, NODE_DOWN for a node not alive
     */
    public EndRequest endSession(String node, String sessionId, String requestedBy) {
        if (isSelf(node)) {
            boolean ended;
            try {
                ended = adapter.closeSession(sessionId);
            } catch (AdapterClient.AdapterUnavailableException e) {
                throw new AdapterOfflineException(e.getMessage(), e);
            }
            if (ended) {
                LOG.info("console account '" + requestedBy + "' ended session " + sessionId + " on this node (" + node + ")");
            }
            return new EndRequest(node, sessionId, ended ? EndRequest.State.ENDED : EndRequest.State.NO_SUCH_SESSION, null);
        }
        NodeStatus target = nodes().stream().filter(n -> n.name().equals(node)).findFirst()
                .orElseThrow(() -> ClusterException.unknownNode(node));
        if (!target.alive()) {
            throw ClusterException.nodeDown(target);
        }
        long id = commands.requestEnd(node, sessionId, requestedBy);
        LOG.info("console account '" + requestedBy + "' asked cluster node " + node + " to end session " + sessionId
                + " (command " + id + ")");
        return new EndRequest(node, sessionId, EndRequest.State.PENDING, id);
    }

    /**
     * Waits up to {@code wait} for a pending request to be done, looking every 200 ms in a fresh transaction (so the
     * other node's commit is seen); a request already done is returned as is.
     */
    public EndRequest await(EndRequest request, Duration wait) {
        if (!request.pending()) {
            return request;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        EndRequest now = request;
        while (now.pending() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return now;
            }
            now = commands.state(request.command());
        }
        return now;
    }

    /** Where a command stands. @throws ClusterException UNKNOWN_COMMAND when there is none of that id */
    public EndRequest command(long id) {
        return commands.state(id);
    }

    private boolean isSelf(String node) {
        return clustered() && settings().nodeName().equals(node);
    }

    private static ClusterSettings settings() {
        return ClusterSettings.current();
    }
}
