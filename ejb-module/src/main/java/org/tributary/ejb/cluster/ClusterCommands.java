package org.tributary.ejb.cluster;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.tributary.ejb.adapter.StoredDefinitionChanged;

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
     * @param sessionId   the session an END_SESSION ends, else null
     * @param subject     the relay or channel a *_CHANGED command concerns, else null
     * @param requestedBy the console account that asked (END_SESSION), or the node a definition changed on
     */
    public record Pending(long id, ClusterCommand.Action action, String sessionId, String subject, String requestedBy) {

        static Pending of(ClusterCommand c) {
            return new Pending(c.getId(), c.getAction(), c.getSessionId(), c.getSubject(), c.getRequestedBy());
        }
    }

    /** Leaves a request to end a session for {@code node}; @return its id, committed */
    public long requestEnd(String node, String sessionId, String requestedBy) {
        return persist(ClusterCommand.endSession(node, sessionId, requestedBy, DatabaseClock.now(em)));
    }

    /** Leaves the origin {@code node} a relay or channel changed on the edge {@code from}; @return its id, committed */
    public long requestChanged(String node, StoredDefinitionChanged change, String from) {
        return persist(ClusterCommand.changed(node, change, from, DatabaseClock.now(em)));
    }

    /** Where a request to end a session stands, as committed now (the other commands are the nodes' own business). */
    public EndRequest state(long id) {
        ClusterCommand c = em.find(ClusterCommand.class, id);
        if (c == null || c.getAction() != ClusterCommand.Action.END_SESSION) {
            throw ClusterException.unknownCommand(id);
        }
        EndRequest.State state = c.getDoneAt() == null ? EndRequest.State.PENDING
                : EndRequest.State.ofOutcome(c.getOutcome());
        return new EndRequest(c.getNode(), c.getSessionId(), state, c.getId());
    }

    /** The commands left for {@code node} not done yet, oldest first. */
    public List<Pending> pendingFor(String node) {
        return em.createNamedQuery(ClusterCommand.PENDING_FOR, ClusterCommand.class).setParameter("node", node)
                .getResultList().stream().map(Pending::of).toList();
    }

    /** Notes a command done with its outcome ("ended", "no such session" for END_SESSION; what was done for others). */
    public void finish(long id, String outcome) {
        ClusterCommand c = em.find(ClusterCommand.class, id);
        if (c != null) {
            c.done(outcome, DatabaseClock.now(em));
        }
    }

    private long persist(ClusterCommand command) {
        em.persist(command);
        em.flush();
        return command.getId();
    }

    /** Deletes the commands requested more than {@link #FORGET_AFTER} ago; @return how many */
    public int forgetOld() {
        return em.createNamedQuery(ClusterCommand.REQUESTED_BEFORE)
                .setParameter("cutoff", DatabaseClock.now(em).minus(FORGET_AFTER)).executeUpdate();
    }
}
