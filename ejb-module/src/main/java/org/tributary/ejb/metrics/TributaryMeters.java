package org.tributary.ejb.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.tributary.api.AdapterMetrics;
import org.tributary.api.LatencyDistribution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/**
 * Registers the {@code tributary_*} meters on a registry and feeds them from the adapter's snapshots. Every
 * meter reads the snapshot taken at most {@link #MAX_AGE_NANOS} ago, so one scrape asks the adapter once.
 * While the adapter cannot be reached the gauges read NaN, the counters keep their last values and
 * {@code tributary_adapter_up} is 0.
 *
 * <p>Latencies are a summary (count and sum in seconds) beside cumulative counters by upper bound
 * ({@code ..._seconds_buckets_total{le="0.005"}}), which {@code histogram_quantile} reads like a histogram's
 * buckets. Only the registry's plain get-or-create methods are used: WildFly's per-deployment registry passes
 * those on to its Prometheus registry.
 */
public final class TributaryMeters {

    /** A scrape's meters all read one snapshot: anything younger than this is reused. */
    static final long MAX_AGE_NANOS = 1_000_000_000L;

    /** Where a snapshot comes from; throws when the adapter cannot be reached. */
    @FunctionalInterface
    public interface Source {
        AdapterMetrics read() throws Exception;
    }

    private final MeterRegistry registry;
    private final Source source;
    private final LongSupplier nanoClock;
    private final List<Meter> meters = new ArrayList<>();
    private final Set<String> labelled = ConcurrentHashMap.newKeySet();
    private AdapterMetrics last;
    private long lastReadNanos;
    private boolean lastReadFailed = true;
    private boolean everRead;

    public TributaryMeters(MeterRegistry registry, Source source, LongSupplier nanoClock) {
        this.registry = registry;
        this.source = source;
        this.nanoClock = nanoClock;
    }

    /** Registers the meters whose labels are known in advance, then those the adapter reports now. */
    public synchronized void register() {
        gauge("tributary.adapter.up", Tags.empty(), m -> 1, true);
        gauge("tributary.rtsp.connections", Tags.empty(), AdapterMetrics::rtspConnections, false);
        counter("tributary.rtsp.connections.accepted", Tags.empty(), AdapterMetrics::connectionsAccepted);
        counter("tributary.rtsp.requests", Tags.empty(), AdapterMetrics::requestsAnswered);
        counter("tributary.sent.bytes", Tags.empty(), AdapterMetrics::bytesSent);
        counter("tributary.sent.packets", Tags.empty(), AdapterMetrics::packetsSent);
        counter("tributary.received.bytes", Tags.empty(), AdapterMetrics::bytesReceived);
        counter("tributary.received.packets", Tags.empty(), AdapterMetrics::packetsReceived);
        gauge("tributary.sent.bits.per.second", Tags.empty(), AdapterMetrics::bitsPerSecondSent, false);
        counter("tributary.client.reported.lost.packets", Tags.empty(), AdapterMetrics::packetsLostReported);
        counter("tributary.retransmission.requested.packets", Tags.empty(), AdapterMetrics::rtxRequested);
        counter("tributary.retransmission.sent.packets", Tags.empty(), AdapterMetrics::rtxSent);
        counter("tributary.access.cache.hits", Tags.empty(), AdapterMetrics::accessCacheHits);
        latency("tributary.access.decision", AdapterMetrics::accessDecisions);
        latency("tributary.rtsp.setup", AdapterMetrics::setups);
        latency("tributary.sender.lag", AdapterMetrics::senderLag);
        gauge("tributary.sender.loops", Tags.empty(), AdapterMetrics::senderLoops, false);
        gauge("tributary.sender.loops.running", Tags.empty(), AdapterMetrics::senderLoopsRunning, false);
        gauge("tributary.live.streams", Tags.empty(), AdapterMetrics::liveStreams, false);
        gauge("tributary.live.viewers", Tags.empty(), AdapterMetrics::liveViewers, false);
        gauge("tributary.hls.viewings", Tags.empty(), AdapterMetrics::hlsViewings, false);
        for (String transport : List.of("udp", "tcp", "http", "multicast", "HTTP", "HLS")) {
            sessions(transport);
        }
        registerNewLabels(current());
    }

    /** Removes every meter this instance registered (the deployment is going away). */
    public synchronized void unregister() {
        meters.forEach(registry::remove);
        meters.clear();
        labelled.clear();
    }

    /** The snapshot every meter reads: the last one when it is recent, else a new one; null when none yet. */
    synchronized AdapterMetrics current() {
        long now = nanoClock.getAsLong();
        if (everRead && now - lastReadNanos < MAX_AGE_NANOS) {
            return lastReadFailed ? null : last;
        }
        everRead = true;
        lastReadNanos = now;
        try {
            last = source.read();
            lastReadFailed = last == null;
        } catch (Exception e) {
            lastReadFailed = true;
        }
        if (!lastReadFailed) {
            registerNewLabels(last);
        }
        return lastReadFailed ? null : last;
    }

    /** The last snapshot read successfully, for counters that keep their value while the adapter is away. */
    private synchronized AdapterMetrics lastGood() {
        current();
        return last;
    }

    private void registerNewLabels(AdapterMetrics metrics) {
        if (metrics == null) {
            return;
        }
        metrics.sessionsByTransport().keySet().forEach(this::sessions);
        for (Integer status : metrics.refusalsByStatus().keySet()) {
            if (labelled.add("status " + status)) {
                counter("tributary.refusals", Tags.of("status", String.valueOf(status)),
                        m -> m.refusalsByStatus().getOrDefault(status, 0L));
            }
        }
    }

    private void sessions(String transport) {
        if (labelled.add("transport " + transport)) {
            gauge("tributary.sessions", Tags.of("transport", transport),
                    m -> m.sessionsByTransport().getOrDefault(transport, 0), false);
        }
    }

    /**
     * A gauge of the current snapshot, NaN while the adapter cannot be reached ({@code upGauge}: 1 or 0
     * instead).
     */
    private void gauge(String name, Tags tags, ToDoubleFunction<AdapterMetrics> value, boolean upGauge) {
        registry.gauge(name, tags, this, self -> {
            AdapterMetrics m = self.current();
            if (upGauge) {
                return m == null ? 0 : 1;
            }
            return m == null ? Double.NaN : value.applyAsDouble(m);
        });
        remember(name, tags);
    }

    private void counter(String name, Tags tags, ToDoubleFunction<AdapterMetrics> value) {
        meters.add(registry.more().counter(name, tags, this, self -> {
            AdapterMetrics m = self.lastGood();
            return m == null ? 0 : value.applyAsDouble(m);
        }));
    }

    private void latency(String name, java.util.function.Function<AdapterMetrics, LatencyDistribution> of) {
        meters.add(registry.more().timer(name, Tags.empty(), this,
                self -> {
                    AdapterMetrics m = self.lastGood();
                    return m == null ? 0 : of.apply(m).count();
                },
                self -> {
                    AdapterMetrics m = self.lastGood();
                    return m == null ? 0 : of.apply(m).sumSeconds();
                }, TimeUnit.SECONDS));
        List<Double> bounds = LatencyDistribution.UPPER_BOUNDS_SECONDS;
        for (int i = 0; i < bounds.size(); i++) {
            int bucket = i;
            counter(name + ".seconds.buckets", Tags.of("le", le(bounds.get(i))), m -> {
                LatencyDistribution d = of.apply(m);
                return bucket < d.cumulativeCounts().size() ? d.cumulativeCounts().get(bucket) : d.count();
            });
        }
    }

    /** A bound as Prometheus writes it: "0.005", "10", "+Inf". */
    static String le(double bound) {
        return Double.isInfinite(bound) ? "+Inf" : BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
    }

    private void remember(String name, Tags tags) {
        Meter gauge = registry.find(name).tags(tags).gauge();
        if (gauge != null) {
            meters.add(gauge);
        }
    }

    /** The names registered so far (Micrometer's dotted form), for the docs check. */
    synchronized Set<String> names() {
        Set<String> names = new java.util.TreeSet<>();
        meters.forEach(m -> names.add(m.getId().getName()));
        return names;
    }

    /** The meters registered so far. */
    synchronized List<Meter> meters() {
        return List.copyOf(meters);
    }
}
