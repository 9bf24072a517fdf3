package org.tributary.ejb.cluster;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.util.List;

/**
 * The {@code cluster_command} rows. Every method is its own transaction: a request is committed before anyone waits
 * for it, and each look at its state is a fresh transaction that sees the other node's commit.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ClusterCommands {

    /** Commands older than this are deleted, done or not. */
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    @PersistenceContext(unitName = "tributary")
    private EntityManager em;

    /**
     * A pending command of a node, for its heartbeat.
     *
     * @param id          the command's id
     * @param action      what to do
     * @param sessionId   the session it concerns
     * @param requestedBy the console account that asked
     */
    public record Pending(long id, ClusterCommand.Action action, String sessionId, String requestedBy) {
    }

    /** Leaves a request to end a session for {@code node}; @return its id, committed */
    public long requestEnd(String node, String sessionId, String requestedBy) {
        ClusterCommand command = new ClusterCommand(node, ClusterCommand.Action.END_SESSION, sessionId, requestedBy,
                DatabaseClock.now(em));
        em.persist(command);
        em.flush();
        return command.getId();
    }

    /** Where a command stands, as committed now. */
    public EndRequest state(long id) {
        ClusterCommand c = em.find(ClusterCommand.class, id);
        if (c == null) {
            throw ClusterException.unknownCommand(id);
        }
        EndRequest.State state = c.getDoneAt() == null ? EndRequest.State.PENDING
                : EndRequest.State.ofOutcome(c.getOutcome());
        return new EndRequest(c.getNode(), c.getSessionId(), state, c.getId());
    }

    /** The commands left for {@code node} not done yet, oldest first. */
    public List<Pending> pendingFor(String node) {
        return em.createNamedQuery(ClusterCommand.PENDING_FOR, ClusterCommand.class).setParameter("node", node)
                .getResultList().stream().map(c -> new Pending(c.getId(), c.getAction(), c.getSessionId(), c.getRequestedBy())).toList();
    }

    /** Notes a command done with its outcome ("ended", "no such session"). */
    public void finish(long id, EndRequest.State outcome) {
        ClusterCommand c = em.find(ClusterCommand.class, id);
        if (c != null) {
            c.done(outcome.label(), DatabaseClock.now(em));
        }
    }

    /** Deletes the commands requested more than {@link #FORGET_AFTER} ago; @return how many */
    public int forgetOld() {
        return em.createNamedQuery(ClusterCommand.REQUESTED_BEFORE)
                .setParameter("cutoff", DatabaseClock.now(em).minus(FORGET_AFTER)).executeUpdate();
    }
}
