package org.tributary.ejb.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A request to a cluster node that only its own adapter can carry out (ending one of its sessions), left in the
 * shared database by the node that was asked; the node named runs it at its next heartbeat and notes the outcome.
 * Times are the database's clock.
 */
@Entity
@Table(name = "cluster_command")
@NamedQuery(name = ClusterCommand.PENDING_FOR, query = "select c from ClusterCommand c where c.node = :node"
        + " and c.doneAt is null order by c.id")
@NamedQuery(name = ClusterCommand.REQUESTED_BEFORE, query = "delete from ClusterCommand c where c.requestedAt < :cutoff")
public class ClusterCommand {

    static final String PENDING_FOR = "ClusterCommand.pendingFor";
    static final String REQUESTED_BEFORE = "ClusterCommand.requestedBefore";

    /** What a node is asked to do. */
    public enum Action {
        /** End the session {@code sessionId}. */
        END_SESSION
    }

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "node", nullable = false, length = 255)
    private String node;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, length = 16)
    private Action action;

    @Column(name = "session_id", nullable = false, length = 64)
    private String sessionId;

    @Column(name = "requested_by", nullable = false, length = 255)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "done_at")
    private Instant doneAt;

    /** "ended" or "no such session" once done. */
    @Column(name = "outcome", length = 255)
    private String outcome;

    protected ClusterCommand() {
    }

    ClusterCommand(String node, Action action, String sessionId, String requestedBy, Instant requestedAt) {
        this.node = node;
        this.action = action;
        this.sessionId = sessionId;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    void done(String outcome, Instant at) {
        this.outcome = outcome;
        this.doneAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getNode() {
        return node;
    }

    public Action getAction() {
        return action;
    }

    public String getSessionId() {
        return sessionId;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getDoneAt() {
        return doneAt;
    }

    public String getOutcome() {
        return outcome;
    }
}
