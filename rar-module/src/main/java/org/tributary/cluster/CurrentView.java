package org.tributary.cluster;

import org.tributary.api.ClusterMember;
import org.tributary.api.ClusterView;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The last cluster view and what is worked out from it once: which nodes hold each live path, and the sessions
 * this node has sent to each other node by redirect since (so a burst of DESCRIBEs spreads over the edges
 * instead of all landing on the one that looked least loaded two seconds ago). A view older than its
 * {@code validSeconds} is no view.
 */
final class CurrentView {

    /** One applied view. */
    private record Applied(ClusterView view, ClusterMember self, long appliedAtNanos,
                           Map<String, List<ClusterMember>> holders) {
    }

    private final LongSupplier nanoClock;
    private volatile Applied applied;
    private final Map<String, AtomicInteger> redirectedSince = new ConcurrentHashMap<>();

    CurrentView(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Takes a new view (null: leave the cluster). */
    void apply(ClusterView view) {
        if (view == null || view.selfMember() == null) {
            applied = null;
        } else {
            Map<String, List<ClusterMember>> holders = new HashMap<>();
            for (ClusterMember member : view.members()) {
                if (member.name().equals(view.self())) {
                    continue;
                }
                for (String path : member.originalPaths()) {
                    holders.computeIfAbsent(path, p -> new ArrayList<>()).add(member);
                }
            }
            applied = new Applied(view, view.selfMember(), nanoClock.getAsLong(), holders);
        }
        redirectedSince.clear();
    }

    /** The view in force, or null when there is none or it is too old. */
    ClusterView view() {
        Applied now = fresh();
        return now == null ? null : now.view();
    }

    /** This node's entry in the view in force, or null. */
    ClusterMember self() {
        Applied now = fresh();
        return now == null ? null : now.self();
    }

    /** The other nodes that carry a live path from a source of their own; empty without a view. */
    List<ClusterMember> holdersOf(String path) {
        Applied now = fresh();
        return now == null ? List.of() : now.holders().getOrDefault(path, Collections.emptyList());
    }

    /** Whether a view was applied and has since grown too old. */
    boolean expired() {
        Applied now = applied;
        return now != null && fresh() == null;
    }

    /** Drops an expired view. */
    void forget() {
        applied = null;
        redirectedSince.clear();
    }

    /** A node's sessions as the view says, plus those redirected to it since. */
    int estimatedSessions(ClusterMember member) {
        AtomicInteger sent = redirectedSince.get(member.name());
        return member.sessions() + (sent == null ? 0 : sent.get());
    }

    void redirectedTo(ClusterMember member) {
        redirectedSince.computeIfAbsent(member.name(), n -> new AtomicInteger()).incrementAndGet();
    }

    private Applied fresh() {
        Applied now = applied;
        if (now == null) {
            return null;
        }
        long age = nanoClock.getAsLong() - now.appliedAtNanos();
        return age < TimeUnit.SECONDS.toNanos(Math.max(1, now.view().validSeconds())) ? now : null;
    }
}
