package org.tributary.ejb.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.tributary.ejb.adapter.StoredDefinitionChanged;

import java.time.Instant;

/**
 * A request to a cluster node that only its own adapter can carry out (ending one of its sessions, running a relay or
 * channel as stored now), left in the shared database by the node that was asked; the node named runs it at its next
 * heartbeat and notes the outcome. Times are the database's clock. The action is stored as its name through
 * {@link ActionColumn}, not {@code @Enumerated}: Hibernate gives an enumerated column a CHECK listing the actions of
 * the day the table was made, which {@code hbm2ddl=update} never widens, so a later action would be refused.
 */
@Entity
@Table(name = "cluster_command")
@NamedQuery(name = ClusterCommand.PENDING_FOR, query = "select c from ClusterCommand c where c.node = :node"
        + " and c.doneAt is null order by c.id")
@NamedQuery(name = ClusterCommand.REQUESTED_BEFORE, query = "delete from ClusterCommand c where c.requestedAt < :cutoff")
public class ClusterCommand {

    static final String PENDING_FOR = "ClusterCommand.pendingFor";
    static final String REQUESTED_BEFORE = "ClusterCommand.requestedBefore";

    /** What a node is asked to do (at most 16 characters: the column's length). */
    public enum Action {
        /** End the session {@code sessionId}. */
        END_SESSION,
        /** Hand the adapter the relay {@code subject} as stored now, or remove it when it is no longer stored. */
        RELAY_CHANGED,
        /** Make the adapter play the channel {@code subject} as stored now (started, restarted or stopped). */
        CHANNEL_CHANGED;

        /** The command that carries a change of that kind to the origin. */
        static Action changed(StoredDefinitionChanged.Kind kind) {
            return switch (kind) {
                case RELAY -> RELAY_CHANGED;
                case CHANNEL -> CHANNEL_CHANGED;
            };
        }
    }

    static final int OUTCOME_LENGTH = 255;

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "node", nullable = false, length = 255)
    private String node;

    @Convert(converter = ActionColumn.class)
    @Column(name = "action", nullable = false, length = 16)
    private Action action;

    /** The session an END_SESSION ends; null for the other actions. */
    @Column(name = "session_id", length = 64)
    private String sessionId;

    /** The relay or channel a *_CHANGED command concerns; null for END_SESSION. */
    @Column(name = "subject", length = 255)
    private String subject;

    @Column(name = "requested_by", nullable = false, length = 255)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "done_at")
    private Instant doneAt;

    /** Once done: "ended" or "no such session" for END_SESSION, what was done (or why not) for the others. */
    @Column(name = "outcome", length = OUTCOME_LENGTH)
    private String outcome;

    protected ClusterCommand() {
    }

    private ClusterCommand(String node, Action action, String sessionId, String subject, String requestedBy,
                           Instant requestedAt) {
        this.node = node;
        this.action = action;
        this.sessionId = sessionId;
        this.subject = subject;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    /** Asks {@code node} to end one of its sessions; {@code requestedBy} is the console account. */
    static ClusterCommand endSession(String node, String sessionId, String requestedBy, Instant requestedAt) {
        return new ClusterCommand(node, Action.END_SESSION, sessionId, null, requestedBy, requestedAt);
    }

    /** Asks the origin {@code node} to run a relay or channel as stored; {@code requestedBy} is the edge it changed on. */
    static ClusterCommand changed(String node, StoredDefinitionChanged change, String requestedBy, Instant requestedAt) {
        return new ClusterCommand(node, Action.changed(change.kind()), null, change.name(), requestedBy, requestedAt);
    }

    /** Notes the outcome, cut to the column's length (an adapter's refusal can be long). */
    void done(String outcome, Instant at) {
        this.outcome = outcome == null || outcome.length() <= OUTCOME_LENGTH ? outcome
                : outcome.substring(0, OUTCOME_LENGTH - 1) + "…";
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

    public String getSubject() {
        return subject;
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
