package org.tributary.ejb.cluster;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code cluster_node} rows: a node's heartbeat, the table as of the database's clock, a clean leave. */
@Stateless
public class ClusterNodes {

    /** Rows of nodes dead for longer are deleted by any node. */
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    @PersistenceContext(unitName = "tributary")
    private EntityManager em;

    /**
     * The table as of a moment of the database's clock.
     *
     * @param now   the database's time
     * @param nodes every row, by name, alive or not
     */
    public record Snapshot(Instant now, List<NodeStatus> nodes) {
    }

    /**
     * One heartbeat in its own transaction: the node's row written (created when missing) with the database's time
     * as its last-seen, then every row read back.
     *
     * @param first whether it is this run's first beat (the row's start is then now)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Snapshot beat(NodeReport report, int deadAfterSeconds, boolean first) {
        Instant now = DatabaseClock.now(em);
        ClusterNodeRecord own = em.find(ClusterNodeRecord.class, report.name());
        if (own == null) {
            own = new ClusterNodeRecord(report.name(), now);
            own.report(report, now);
            em.persist(own);
        } else {
            if (first) {
                own.restarted(now);
            }
            own.report(report, now);
        }
        em.flush();
        return snapshot(now, deadAfterSeconds);
    }

    /** The table now, for the console and the API. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Snapshot snapshot(int deadAfterSeconds) {
        return snapshot(DatabaseClock.now(em), deadAfterSeconds);
    }

    /** A node's stored sessions JSON, or empty when there is no such node. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<String> sessionsJson(String name) {
        return Optional.ofNullable(em.find(ClusterNodeRecord.class, name)).map(r -> r.getSessionsJson() == null ? "" : r.getSessionsJson());
    }

    /** Deletes a node's row: a clean stop leaves the cluster at once. @return whether there was one */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean leave(String name) {
        ClusterNodeRecord own = em.find(ClusterNodeRecord.class, name);
        if (own != null) {
            em.remove(own);
        }
        return own != null;
    }

    /** Deletes the rows of nodes not heard of for {@link #FORGET_AFTER}, by the database's clock; @return how many */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int forgetLongDead() {
        return em.createNamedQuery(ClusterNodeRecord.DEAD_BEFORE)
                .setParameter("cutoff", DatabaseClock.now(em).minus(FORGET_AFTER)).executeUpdate();
    }

    private Snapshot snapshot(Instant now, int deadAfterSeconds) {
        List<NodeStatus> nodes = em.createNamedQuery(ClusterNodeRecord.ALL, ClusterNodeRecord.class).getResultList()
                .stream().map(r -> NodeStatus.of(r, now, deadAfterSeconds)).toList();
        return new Snapshot(now, nodes);
    }
}
