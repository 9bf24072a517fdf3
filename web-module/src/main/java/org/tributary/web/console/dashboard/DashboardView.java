package org.tributary.web.console.dashboard;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.tributary.api.BroadcastInfo;
import org.tributary.ejb.adapter.AdapterOfflineException;
import org.tributary.ejb.stats.FileCount;
import org.tributary.ejb.stats.StatsSample;
import org.tributary.ejb.stats.StatsService;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dashboard's first paint: the newest statistics sample, so the numbers are there before the
 * page's script starts polling {@code /api/stats} (and without scripts at all).
 */
@Named
@RequestScoped
public class DashboardView {

    @EJB
    private StatsService stats;

    @EJB
    private org.tributary.ejb.adapter.AdapterClient adapter;

    private StatsSample latest;
    private String error;
    private boolean loaded;
    private List<BroadcastInfo> broadcasts;
    private boolean broadcastsLoaded;

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        try {
            latest = stats.latest();
        } catch (AdapterOfflineException e) {
            error = e.getMessage();
        } catch (jakarta.ejb.EJBException e) {
            error = "the statistics are not available: " + e.getMessage();
        }
    }

    /** "2 (35 viewers)", "0"; "?" while the adapter does not answer. */
    public String getBroadcasts() {
        List<BroadcastInfo> live = getLiveStreams();
        if (live == null) {
            return "?";
        }
        int viewers = live.stream().mapToInt(BroadcastInfo::viewers).sum();
        return live.size() + (live.isEmpty() ? "" : " (" + viewers + " viewers)");
    }

    /** The live broadcasts now, by path, each with a Play button; null while the adapter does not answer. */
    public List<BroadcastInfo> getLiveStreams() {
        if (!broadcastsLoaded) {
            broadcastsLoaded = true;
            try {
                broadcasts = adapter.broadcasts().stream().sorted(java.util.Comparator.comparing(BroadcastInfo::path))
                        .toList();
            } catch (org.tributary.ejb.adapter.AdapterClient.AdapterUnavailableException e) {
                broadcasts = null;
            }
        }
        return broadcasts;
    }

    /** A path as a query parameter value, for the Play links. */
    public String encoded(String path) {
        return org.tributary.api.access.MediaPaths.urlComponent(path);
    }

    public StatsSample getLatest() {
        load();
        return latest;
    }

    public String getError() {
        load();
        return error;
    }

    /** "1.5 Mbit/s", "820 kbit/s", "0 bit/s". */
    public static String bits(long bitsPerSecond) {
        if (bitsPerSecond >= 1_000_000) {
            return String.format("%.1f Mbit/s", bitsPerSecond / 1e6);
        }
        if (bitsPerSecond >= 1_000) {
            return String.format("%d kbit/s", Math.round(bitsPerSecond / 1e3));
        }
        return bitsPerSecond + " bit/s";
    }

    public String getBandwidth() {
        return getLatest() == null ? "–" : bits(latest.bitsPerSecond());
    }

    public String getCpu() {
        return getLatest() == null ? "–" : Math.round(latest.processCpuLoad() * 100) + " %";
    }

    public Map<String, Integer> getTransports() {
        return getLatest() == null ? Map.of() : new TreeMap<>(latest.sessionsByTransport());
    }

    public List<FileCount> getTopFiles() {
        return getLatest() == null ? List.of() : latest.topFiles();
    }
}
