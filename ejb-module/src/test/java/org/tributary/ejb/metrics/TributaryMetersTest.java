package org.tributary.ejb.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.tributary.api.AdapterMetrics;
import org.tributary.api.LatencyDistribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TributaryMetersTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicLong clock = new AtomicLong();
    private final AtomicReference<AdapterMetrics> adapter = new AtomicReference<>(snapshot(1000, Map.of(404, 3L)));
    private final AtomicLong reads = new AtomicLong();
    private final TributaryMeters meters = new TributaryMeters(registry, () -> {
        reads.incrementAndGet();
        AdapterMetrics m = adapter.get();
        if (m == null) {
            throw new IllegalStateException("the streaming adapter is not available");
        }
        return m;
    }, clock::get);

    static AdapterMetrics snapshot(long bytesSent, Map<Integer, Long> refusals) {
        List<Long> setups = new ArrayList<>();
        for (int i = 0; i < LatencyDistribution.UPPER_BOUNDS_SECONDS.size(); i++) {
            setups.add(i < 5 ? 1L : 4L); // one SETUP within 2.5 ms, three more within 5 ms
        }
        LatencyDistribution none = new LatencyDistribution(LatencyDistribution.UPPER_BOUNDS_SECONDS,
                LatencyDistribution.UPPER_BOUNDS_SECONDS.stream().map(b -> 0L).toList(), 0, 0);
        return new AdapterMetrics(Instant.EPOCH, Map.of("rtsp", 8554), 2, 2, Map.of("udp", 2, "tcp", 1), 3, 10, 40,
                bytesSent, 9, 500, 7, 8000, 12, 5, 4, refusals, 6, none,
                new LatencyDistribution(LatencyDistribution.UPPER_BOUNDS_SECONDS, setups, 4, 0.013), none, 1, 2, 0);
    }

    /** The scrape's samples: "name{labels}" → value, tributary's only (WF_DEPLOYMENT-free here). */
    private Map<String, Double> scrape() {
        Map<String, Double> samples = new HashMap<>();
        for (String line : registry.scrape().split("\n")) {
            if (line.startsWith("tributary_")) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return samples;
    }

    @Test
    void theSnapshotsFiguresAreTheMetersValues() {
        meters.register();
        Map<String, Double> s = scrape();
        assertEquals(1.0, s.get("tributary_adapter_up"));
        assertEquals(2.0, s.get("tributary_sessions{transport=\"udp\"}"));
        assertEquals(1.0, s.get("tributary_sessions{transport=\"tcp\"}"));
        assertEquals(0.0, s.get("tributary_sessions{transport=\"multicast\"}"), "known transports are there at 0");
        assertEquals(1000.0, s.get("tributary_sent_bytes_total"));
        assertEquals(500.0, s.get("tributary_received_bytes_total"));
        assertEquals(12.0, s.get("tributary_client_reported_lost_packets_total"));
        assertEquals(5.0, s.get("tributary_retransmission_requested_packets_total"));
        assertEquals(4.0, s.get("tributary_retransmission_sent_packets_total"));
        assertEquals(3.0, s.get("tributary_refusals_total{status=\"404\"}"));
        assertEquals(4.0, s.get("tributary_rtsp_setup_seconds_count"));
        assertEquals(0.013, s.get("tributary_rtsp_setup_seconds_sum"), 1e-9);
        assertEquals(1.0, s.get("tributary_rtsp_setup_seconds_buckets_total{le=\"0.0025\"}"));
        assertEquals(4.0, s.get("tributary_rtsp_setup_seconds_buckets_total{le=\"0.005\"}"));
        assertEquals(4.0, s.get("tributary_rtsp_setup_seconds_buckets_total{le=\"+Inf\"}"));
        assertEquals(1.0, s.get("tributary_live_streams"));
        assertEquals(2.0, s.get("tributary_live_viewers"));
        assertEquals(8000.0, s.get("tributary_sent_bits_per_second"));
    }

    @Test
    void aScrapeAsksTheAdapterOnceAndANewOneASecondLater() {
        meters.register();
        long before = reads.get();
        scrape();
        assertEquals(before, reads.get(), "the snapshot read at registration is still fresh");
        clock.addAndGet(TributaryMeters.MAX_AGE_NANOS);
        adapter.set(snapshot(5000, Map.of(404, 3L)));
        Map<String, Double> s = scrape();
        assertEquals(before + 1, reads.get());
        assertEquals(5000.0, s.get("tributary_sent_bytes_total"));
    }

    @Test
    void aStatusFirstRefusedLaterGetsItsOwnSeries() {
        meters.register();
        clock.addAndGet(TributaryMeters.MAX_AGE_NANOS);
        adapter.set(snapshot(1000, Map.of(404, 3L, 401, 2L)));
        scrape(); // reads the new snapshot and registers the new label
        assertEquals(2.0, scrape().get("tributary_refusals_total{status=\"401\"}"));
    }

    @Test
    void whileTheAdapterIsAwayGaugesAreUnknownAndCountersKeepTheirValue() {
        meters.register();
        clock.addAndGet(TributaryMeters.MAX_AGE_NANOS);
        adapter.set(null);
        Map<String, Double> s = scrape();
        assertEquals(0.0, s.get("tributary_adapter_up"));
        assertTrue(s.get("tributary_rtsp_connections").isNaN());
        assertEquals(1000.0, s.get("tributary_sent_bytes_total"));
    }

    @Test
    void unregisteringRemovesEveryMeter() {
        meters.register();
        meters.unregister();
        assertEquals(Map.of(), scrape());
    }

    @Test
    void operationsGuideListsEveryMetricFamily() throws IOException {
        meters.register();
        String guide = Files.readString(Path.of("../docs/OPERATIONS.md"));
        TreeSet<String> families = scrape().keySet().stream()
                .map(sample -> sample.replaceAll("\\{.*", ""))
                .map(name -> name.replaceAll("_(count|sum)$", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> missing = families.stream().filter(f -> !guide.contains("`" + f)).toList();
        assertEquals(List.of(), missing, "metric families docs/OPERATIONS.md does not list");
        assertTrue(families.size() >= 25, families.toString());
    }
}
