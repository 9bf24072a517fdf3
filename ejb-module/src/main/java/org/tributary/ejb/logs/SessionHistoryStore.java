package org.tributary.ejb.logs;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.tributary.api.event.AccessRecord;
import org.tributary.ejb.adapter.ClusterRole;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Session history rows: storing (each in its own transaction), querying, deleting old ones. */
@Stateless
public class SessionHistoryStore {

    @PersistenceContext(unitName = "tributary")
    private EntityManager em;

    /**
     * Stores the records in one transaction (on a cluster node, each row names it), each unless a row with its id exists (so replaying a spooled
     * record is harmless): one query for the ids already there, then one insert per new row.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void storeAll(List<AccessRecord> records) {
        List<String> ids = records.stream().map(AccessRecord::eventId).toList();
        java.util.Set<String> present = new java.util.HashSet<>(em.createQuery(
                        "select h.eventId from SessionHistory h where h.eventId in :ids", String.class)
                .setParameter("ids", ids).getResultList());
        for (AccessRecord record : records) {
            if (present.add(record.eventId())) {
                em.persist(SessionHistory.of(record, ClusterRole.clusterNodeName()));
            }
        }
    }

    /** Whether the history table answers a trivial query now (the database may refuse one row yet be up). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean answers() {
        try {
            em.createQuery("select count(h) from SessionHistory h where h.eventId = ''").getSingleResult();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public boolean contains(String eventId) {
        return em.find(SessionHistory.class, eventId) != null;
    }

    /** One page of matching rows, newest first. */
    public List<SessionHistory> find(HistoryFilter filter, int first, int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<SessionHistory> q = cb.createQuery(SessionHistory.class);
        Root<SessionHistory> h = q.from(SessionHistory.class);
        q.where(predicates(cb, h, filter)).orderBy(cb.desc(h.get("endedAt")), cb.asc(h.get("eventId")));
        TypedQuery<SessionHistory> query = em.createQuery(q).setFirstResult(first).setMaxResults(max);
        return query.getResultList();
    }

    public long count(HistoryFilter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> q = cb.createQuery(Long.class);
        Root<SessionHistory> h = q.from(SessionHistory.class);
        q.select(cb.count(h)).where(predicates(cb, h, filter));
        return em.createQuery(q).getSingleResult();
    }

    /** Deletes rows that ended before {@code cutoff}; returns how many. */
    public int deleteEndedBefore(Instant cutoff) {
        return em.createQuery("delete from SessionHistory h where h.endedAt < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate();
    }

    private static Predicate[] predicates(CriteriaBuilder cb, Root<SessionHistory> h, HistoryFilter f) {
        List<Predicate> where = new ArrayList<>();
        if (f.from() != null) {
            where.add(cb.greaterThanOrEqualTo(h.get("endedAt"), f.from()));
        }
        if (f.to() != null) {
            where.add(cb.lessThan(h.get("endedAt"), f.to()));
        }
        if (f.path() != null && !f.path().isBlank()) {
            where.add(cb.like(h.get("path"), "%" + f.path().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%", '\\'));
        }
        if (f.user() != null && !f.user().isBlank()) {
            where.add(cb.equal(h.get("username"), f.user()));
        }
        if (f.client() != null && !f.client().isBlank()) {
            where.add(cb.equal(h.get("clientAddress"), f.client()));
        }
        if (f.node() != null && !f.node().isBlank()) {
            where.add(cb.equal(h.get("node"), f.node()));
        }
        if (f.status() != null) {
            where.add(cb.equal(h.get("status"), f.status()));
        }
        return where.toArray(new Predicate[0]);
    }
}
