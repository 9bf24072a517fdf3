package org.tributary.ejb.stats;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import org.tributary.api.AdapterStatistics;
import org.tributary.api.SessionInfo;
import org.tributary.ejb.adapter.AdapterClient;
import org.tributary.ejb.adapter.AdapterOfflineException;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Samples the adapter every 5 seconds and keeps the last hour for the dashboard's charts. Rates are the
 * difference of the adapter's cumulative counters between two samples, so nothing sent between samples is
 * missed and a sample never counts a byte twice.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class StatsService {

    static final int INTERVAL_SECONDS = 5;
    static final Duration WINDOW = Duration.ofHours(1);
    private static final int TOP_FILES = 5;
    private static final Logger LOG = Logger.getLogger(StatsService.class.getName());

    @EJB
    private AdapterClient adapter;

    private final StatsHistory history = new StatsHistory((int) (WINDOW.toSeconds() / INTERVAL_SECONDS));
    private AdapterStatistics previous;
    private volatile boolean warned;

    @PostConstruct
    void firstSample() {
        sampleQuietly();
    }

    @Schedule(hour = "*", minute = "*", second = "*/" + INTERVAL_SECONDS, persistent = false)
    void sampleQuietly() {
        try {
            sample();
            warned = false;
        } catch (AdapterOfflineException e) {
            if (!warned) {
                LOG.warning("statistics not sampled: " + e.getMessage());
                warned = true;
            }
        }
    }

    /** The newest sample, taken now when there is none yet. */
    public StatsSample latest() {
        synchronized (history) {
            StatsSample latest = history.latest();
            return latest != null ? latest : sample();
        }
    }

    /** The samples of the last hour, oldest first. */
    public List<StatsSample> lastHour() {
        synchronized (history) {
            return history.since(Instant.now(), WINDOW);
        }
    }

    private StatsSample sample() {
        AdapterStatistics now;
        List<SessionInfo> sessions;
        try {
            now = adapter.statistics();
            sessions = adapter.sessions();
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new AdapterOfflineException(e.getMessage(), e);
        }
        synchronized (history) {
            StatsSample sample = toSample(previous, now, sessions);
            previous = now;
            history.add(sample);
            return sample;
        }
    }

    /** One sample from two consecutive counter snapshots (the first has none before it: the adapter's own rate). */
    static StatsSample toSample(AdapterStatistics before, AdapterStatistics now, List<SessionInfo> sessions) {
        long bits;
        long packets;
        double seconds = before == null ? 0 : Duration.between(before.time(), now.time()).toMillis() / 1000.0;
        if (before == null || seconds <= 0 || now.bytesSent() < before.bytesSent()) {
            bits = now.bitsPerSecond(); // first sample, or the adapter restarted: its 1-second rate
            packets = 0;
        } else {
            bits = Math.round((now.bytesSent() - before.bytesSent()) * 8 / seconds);
            packets = Math.round((now.packetsSent() - before.packetsSent()) / seconds);
        }
        Map<String, Integer> byFile = new HashMap<>();
        for (SessionInfo s : sessions) {
            byFile.merge(s.path(), 1, Integer::sum);
        }
        List<FileCount> top = byFile.entrySet().stream()
                .map(e -> new FileCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(FileCount::sessions).reversed().thenComparing(FileCount::path))
                .limit(TOP_FILES).toList();
        double cpu = Math.max(0, Math.min(1, now.processCpuLoad()));
        return new StatsSample(now.time(), now.activeSessions(), now.openConnections(), bits, packets, cpu,
                now.sessionsByTransport(), top);
    }
}
