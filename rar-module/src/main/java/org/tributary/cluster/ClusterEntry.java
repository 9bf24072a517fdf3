package org.tributary.cluster;

import org.tributary.api.ClusterMember;
import org.tributary.api.ClusterView;
import org.tributary.server.EntryRedirect;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.IntSupplier;

/**
 * The cluster's load-aware entry: a DESCRIBE that reaches the origin goes to the least loaded edge; one that
 * reaches an edge goes to another edge when that one has at least the view's margin of sessions fewer. Other
 * nodes' relays (User-Agent {@value #RELAY_AGENT}) are never redirected: an edge pulling from the origin must get
 * the origin.
 */
final class ClusterEntry implements EntryRedirect {

    /** The User-Agent of this server's relays (and so of an edge pulling from another node). */
    static final String RELAY_AGENT = "Tributary relay";

    private final CurrentView current;
    private final IntSupplier localSessions;

    /** @param localSessions this node's sessions now (fresher than its figure in the view) */
    ClusterEntry(CurrentView current, IntSupplier localSessions) {
        this.current = current;
        this.localSessions = localSessions;
    }

    @Override
    public String locationFor(String presentationPath, String requestUri, String userAgent) {
        if (userAgent != null && userAgent.startsWith(RELAY_AGENT)) {
            return null;
        }
        ClusterView view = current.view();
        ClusterMember self = current.self();
        if (view == null || self == null) {
            return null;
        }
        ClusterMember best = null;
        int bestSessions = Integer.MAX_VALUE;
        for (ClusterMember member : view.members()) {
            if (!member.edge() || member.name().equals(self.name())) {
                continue;
            }
            int sessions = current.estimatedSessions(member);
            if (sessions < bestSessions) {
                best = member;
                bestSessions = sessions;
            }
        }
        if (best == null) {
            return null; // no other edge: this node serves
        }
        if (self.edge() && localSessions.getAsInt() - bestSessions < Math.max(1, view.redirectMargin())) {
            return null;
        }
        String location = relocated(requestUri, best.rtspAddress());
        if (location != null) {
            current.redirectedTo(best);
        }
        return location;
    }

    /** The request's URI with another authority (its scheme, path and query kept), or null when it is not absolute. */
    static String relocated(String requestUri, String hostPort) {
        try {
            URI uri = new URI(requestUri);
            if (!"rtsp".equalsIgnoreCase(uri.getScheme()) || uri.getRawAuthority() == null) {
                return null; // rtsps stays on its TLS port here: the view knows only plain RTSP addresses
            }
            String rest = (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return uri.getScheme() + "://" + hostPort + rest;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
