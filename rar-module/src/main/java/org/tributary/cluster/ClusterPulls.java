package org.tributary.cluster;

import org.tributary.api.ClusterMember;
import org.tributary.api.RelayDefinition;
import org.tributary.api.RelayInfo;
import org.tributary.catalog.CanonicalPath;
import org.tributary.relay.Relays;
import org.tributary.stream.PathRegistry;
import org.tributary.stream.Stream;
import org.tributary.stream.StreamUnavailableException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Live paths this node lacks, pulled from the node that carries them from a source of its own (the origin first,
 * else the least loaded other node): on a viewer's request, as an on-demand relay (interleaved TCP) that stops its
 * view's linger after the last viewer, so each stream crosses the wire once per node, not once per viewer. Only
 * originals are pulled (never another node's copy), so pulls cannot go round in a circle.
 */
final class ClusterPulls implements PathRegistry.OnDemand {

    private static final Logger LOG = Logger.getLogger(ClusterPulls.class.getName());

    private final CurrentView current;
    private final PathRegistry paths;
    private final Relays relays;
    /** The path of each pull relay this node runs, by relay name, and the URL it pulls from. */
    private final Map<String, Pull> pulls = new HashMap<>();
    /**
     * The streams of pulls just stopped, by path: a relay lets go of its stream on its own thread a moment later,
     * and until then the path is still a copy, never an original (which other nodes would pull from).
     */
    private final Map<String, Stream> stopping = new HashMap<>();
    private int nextNumber = 1;

    private record Pull(String relayName, String path, String url) {
    }

    ClusterPulls(CurrentView current, PathRegistry paths, Relays relays) {
        this.current = current;
        this.paths = paths;
        this.relays = relays;
    }

    @Override
    public Stream start(CanonicalPath canonical) throws StreamUnavailableException {
        List<ClusterMember> holders = current.holdersOf(canonical.path());
        if (holders.isEmpty() || current.view() == null) {
            return null;
        }
        ClusterMember holder = holders.stream()
                .min(Comparator.comparing((ClusterMember m) -> m.edge()).thenComparingInt(ClusterMember::sessions))
                .orElseThrow();
        String url = urlOf(holder, canonical.path());
        synchronized (this) {
            Pull pull = pulls.get(canonical.path());
            if (pull == null || !pull.url().equals(url)) {
                String name = pull != null ? pull.relayName() : "cluster-" + nextNumber++;
                try {
                    relays.put(new RelayDefinition(name, RelayDefinition.Direction.PULL, canonical.path(), url, null,
                            null, "tcp", true, Math.max(0, current.view().lingerSeconds()), true));
                } catch (IllegalArgumentException refused) { // the relays' limit
                    throw new StreamUnavailableException("cannot pull " + canonical.path() + " from the cluster node "
                            + holder.name() + ": " + refused.getMessage());
                }
                pulls.put(canonical.path(), new Pull(name, canonical.path(), url));
                LOG.info("pulling the live path " + canonical.path() + " from the cluster node " + holder.name()
                        + " (" + url + ")");
            }
        }
        return relays.start(canonical);
    }

    /**
     * After a new view: a pull whose path no other node carries any more, and that no viewer reads, is removed
     * (one with viewers keeps reconnecting within its relay's grace).
     */
    void prune() {
        List<Pull> gone = new ArrayList<>();
        synchronized (this) {
            for (Pull pull : pulls.values()) {
                if (current.holdersOf(pull.path()).isEmpty() && viewersOf(pull) == 0) {
                    gone.add(pull);
                }
            }
            gone.forEach(pull -> {
                pulls.remove(pull.path());
                stopping(pull.path());
            });
        }
        for (Pull pull : gone) {
            relays.remove(pull.relayName());
            LOG.info("no cluster node carries " + pull.path() + " any more: its pull stopped");
        }
    }

    /** The paths served now from another node's stream. */
    synchronized List<String> copies() {
        stopping.entrySet().removeIf(stopped -> paths.streamAt(stopped.getKey()) != stopped.getValue());
        List<String> copies = new ArrayList<>(stopping.keySet());
        for (Pull pull : pulls.values()) {
            Stream stream = paths.streamAt(pull.path());
            // An idle pull's path may since carry a stream of this server's own (a publisher): that is an original.
            if (stream != null && stream == relays.streamOf(pull.relayName()) && !copies.contains(pull.path())) {
                copies.add(pull.path());
            }
        }
        return copies.stream().sorted().toList();
    }

    /** Stops every pull (leaving the cluster, the adapter's stop). */
    void stopAll() {
        synchronized (this) {
            pulls.keySet().forEach(this::stopping);
            pulls.clear();
        }
        relays.closeAll();
    }

    /** Notes the stream of a pull being stopped (under this object's lock, before its relay is told). */
    private void stopping(String path) {
        Stream stream = paths.streamAt(path);
        if (stream != null) {
            stopping.put(path, stream);
        }
    }

    private int viewersOf(Pull pull) {
        for (RelayInfo info : relays.infos()) {
            if (info.name().equals(pull.relayName())) {
                return info.viewers();
            }
        }
        return 0;
    }

    /** rtsp://host:port/path, each segment of the path escaped as a URI needs. */
    static String urlOf(ClusterMember member, String path) {
        String address = member.rtspAddress();
        int colon = address.lastIndexOf(':');
        if (colon < address.lastIndexOf(']')) {
            colon = -1; // "[v6]" without a port: that colon is the address's own
        }
        String host = colon > 0 ? address.substring(0, colon) : address;
        int port = colon > 0 ? Integer.parseInt(address.substring(colon + 1)) : 554;
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new URI("rtsp", null, host, port, "/" + path, null, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("no URL for " + path + " on " + address + ": " + e.getMessage(), e);
        }
    }
}
