package org.tributary.cluster;

import org.tributary.api.ClusterView;
import org.tributary.api.LivePaths;
import org.tributary.relay.Relays;
import org.tributary.server.EntryRedirect;
import org.tributary.stream.PathRegistry;

import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * This server's part in a cluster: it takes the views the EJB side hands over, pulls live paths from other nodes
 * for its viewers, and redirects DESCRIBEs to less loaded edges. Without a view (a single server, or the EJB
 * side silent for longer than a view holds) it stands aside.
 */
public final class Cluster {

    private static final Logger LOG = Logger.getLogger(Cluster.class.getName());

    private final CurrentView current;
    private final PathRegistry paths;
    private final ClusterPulls pulls;
    private final ClusterEntry entry;
    private final Relays relays;

    /**
     * @param relays        the relays this node pulls other nodes' paths with (its own registry, not the
     *                      console's relays)
     * @param localSessions this node's sessions now
     */
    public Cluster(PathRegistry paths, Relays relays, IntSupplier localSessions, LongSupplier nanoClock) {
        this.current = new CurrentView(nanoClock);
        this.paths = paths;
        this.relays = relays;
        this.pulls = new ClusterPulls(current, paths, relays);
        this.entry = new ClusterEntry(current, localSessions);
    }

    /** The on-demand provider that pulls live paths from other nodes; the registry's last. */
    public PathRegistry.OnDemand pulls() {
        return pulls;
    }

    /** The DESCRIBE redirect of the cluster's entry. */
    public EntryRedirect entry() {
        return entry;
    }

    /** A new view from the EJB side (null: this server leaves the cluster). */
    public void apply(ClusterView view) {
        boolean was = current.view() != null;
        current.apply(view);
        if (current.view() == null) {
            if (was) {
                LOG.info("this server has left the cluster: it serves everything itself");
            }
            pulls.stopAll();
        } else {
            if (!was) {
                LOG.info("this server is the cluster node " + view.self() + " (" + view.selfMember().role() + ") of "
                        + view.members().size());
            }
            pulls.prune();
        }
    }

    /** The live paths here: from this server's own sources, and copies of other nodes'. */
    public LivePaths livePaths() {
        List<String> copies = pulls.copies();
        List<String> originals = paths.streamPaths().stream().filter(path -> !copies.contains(path)).toList();
        return new LivePaths(originals, copies);
    }

    /** One housekeeping round: the pulls' linger and grace, and a view that has grown too old. */
    public void tick(long nowNanos) {
        relays.tick(nowNanos);
        if (current.expired()) {
            LOG.warning("no cluster view came for longer than it holds: this server serves everything itself until"
                    + " the next one");
            current.forget();
            pulls.stopAll();
        }
    }

    /** The adapter's stop. */
    public void close() {
        current.forget();
        pulls.stopAll();
    }
}
