package org.tributary.web.console.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tributary.ejb.adapter.AdapterOfflineException;
import org.tributary.ejb.cluster.ClusterException;
import org.tributary.ejb.cluster.ClusterService;
import org.tributary.ejb.cluster.EndRequest;
import org.tributary.ejb.cluster.NodeStatus;
import org.tributary.ejb.cluster.Totals;
import org.tributary.web.console.ConsoleUser;
import org.tributary.web.console.Messages;
import org.tributary.web.console.sessions.SessionRow;
import org.tributary.web.security.ConsoleSecurity;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Cluster page: every node of the shared database with its state, load and live paths, the totals of the
 * alive ones, and each alive node's sessions with End (admins). Ending another node's session leaves a command it
 * runs at its next heartbeat; the page waits up to 5 s for it and says whether it is done or still pending.
 */
@Named
@ViewScoped
public class ClusterNodesView implements Serializable {

    /** How long End waits for another node to end its session. */
    static final Duration WAIT = Duration.ofSeconds(5);

    @EJB
    private ClusterService cluster;

    @Inject
    private ConsoleUser me;

    private boolean clustered;
    private List<NodeRow> nodes = List.of();
    private Totals totals = Totals.NONE;
    private String error;

    @PostConstruct
    void init() {
        refresh();
    }

    /** Reads the nodes and their sessions again (the page's timer and the Refresh button). */
    public void refresh() {
        clustered = cluster.clustered();
        if (!clustered) {
            return;
        }
        error = null;
        List<NodeStatus> statuses = cluster.nodes();
        String self = cluster.self();
        Instant now = Instant.now();
        List<NodeRow> rows = new ArrayList<>();
        for (NodeStatus node : statuses) {
            rows.add(new NodeRow(node, node.name().equals(self), sessionsOf(node, now)));
        }
        nodes = rows;
        totals = Totals.of(statuses);
    }

    /** An alive node's sessions; none for a dead node, or one that left since the nodes were read. */
    private List<SessionRow> sessionsOf(NodeStatus node, Instant now) {
        if (!node.alive()) {
            return List.of();
        }
        try {
            return cluster.sessions(node.name()).stream().map(s -> SessionRow.of(s, now)).toList();
        } catch (ClusterException e) {
            return List.of();
        } catch (AdapterOfflineException e) {
            error = e.getMessage();
            return List.of();
        }
    }

    /** Ends a session of a node (admins), waiting up to {@link #WAIT} for another node to do it. */
    public void end(NodeRow node, SessionRow session) {
        if (!me.may(ConsoleSecurity.ADMIN, "end sessions on cluster nodes")) {
            return;
        }
        try {
            EndRequest request = cluster.await(cluster.endSession(node.name(), session.id(), me.getName()), WAIT);
            Messages.info(request.describe());
        } catch (AdapterOfflineException | ClusterException e) {
            Messages.error(null, e.getMessage());
        }
        refresh();
    }

    public boolean isClustered() {
        return clustered;
    }

    public List<NodeRow> getNodes() {
        return nodes;
    }

    public Totals getTotals() {
        return totals;
    }

    /** The totals' bit rate, "1.2 Mbit/s". */
    public String getTotalBitrate() {
        return SessionRow.bitrate(totals.bitsPerSecond());
    }

    public String getError() {
        return error;
    }
}
