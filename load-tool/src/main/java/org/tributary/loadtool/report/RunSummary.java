package org.tributary.loadtool.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.tributary.loadtool.rtp.TrackStats;

/**
 * The figures of a run, computed from every session's outcome and the process monitors, rendered
 * as text ({@link #toText()}) or as a JSON document ({@link #toJson()}). An RTSP run ({@link #compute}) and
 * an HLS run ({@link #computeHls}) share the run, sessions and process sections.
 *
 * <p>Definitions: a stream-second is one second of one playing session (all its tracks); for HLS it is one
 * second of one viewer watching, from its first media segment to its end (a viewer-second; the JSON keeps the
 * names {@code streamSeconds} and {@code cpuMsPerStreamSecond} so both protocols read alike). Loss is
 * (expected - received) / expected over every source of every track; jitter percentiles are taken
 * over streams (tracks) of each stream's mean RFC 3550 jitter estimate; HLS has neither, and its summary has
 * no such sections.
 */
public final class RunSummary {
    private final Map<String, Object> root = new LinkedHashMap<>();

    private RunSummary() {
    }

    /** Describes the run's setup for the report. */
    public record RunInfo(String label, List<String> urls, String transport, int sessionsRequested,
                          double rampSeconds, double holdSeconds, double wallSeconds, String startedAt) {
    }

    public static RunSummary compute(RunInfo info, List<SessionOutcome> outcomes, Map<String, Long> errors,
                                     ProcessMonitor server, ProcessMonitor self) {
        RunSummary s = new RunSummary();
        s.root.put("run", runSection(info));

        int played = 0;
        int ok = 0;
        List<Double> setup = new ArrayList<>();
        List<Double> firstPacket = new ArrayList<>();
        List<Double> firstKeyFrame = new ArrayList<>();
        List<Double> teardown = new ArrayList<>();
        List<Double> bitrates = new ArrayList<>();
        double streamSeconds = 0;
        long received = 0;
        long expected = 0;
        long lost = 0;
        long duplicates = 0;
        long reordered = 0;
        long bytes = 0;
        long senderReports = 0;
        long receiverReports = 0;
        Map<String, MediaAccumulator> perMedia = new TreeMap<>();
        MediaAccumulator all = new MediaAccumulator();
        for (SessionOutcome o : outcomes) {
            if (o.played()) {
                played++;
                setup.add(o.setupMs());
                streamSeconds += o.playingSeconds();
                if (o.playingSeconds() > 0.5) {
                    bitrates.add(o.bytes() * 8 / 1000.0 / o.playingSeconds());
                }
            }
            if (o.ok()) {
                ok++;
            }
            if (!Double.isNaN(o.teardownMs())) {
                teardown.add(o.teardownMs());
            }
            if (!Double.isNaN(o.firstKeyFrameMs())) {
                firstKeyFrame.add(o.firstKeyFrameMs());
            }
            if (!Double.isNaN(o.firstPacketMs())) {
                firstPacket.add(o.firstPacketMs());
            }
            for (TrackStats t : o.tracks()) {
                received += t.received();
                expected += t.expected();
                lost += t.lost();
                duplicates += t.duplicates();
                reordered += t.reordered();
                bytes += t.bytes();
                senderReports += t.senderReports();
                receiverReports += t.receiverReportsSent();
                perMedia.computeIfAbsent(t.media(), m -> new MediaAccumulator()).add(t);
                all.add(t);
            }
        }

        s.root.put("sessions", sessionsSection(info, outcomes.size(), played, ok, errors));

        s.root.put("setupMs", distribution(new Percentiles(setup)));
        s.root.put("firstPacketMs", distribution(new Percentiles(firstPacket)));
        s.root.put("firstKeyFrameMs", distribution(new Percentiles(firstKeyFrame)));
        s.root.put("teardownMs", distribution(new Percentiles(teardown)));

        Map<String, Object> packets = new LinkedHashMap<>();
        packets.put("received", received);
        packets.put("expected", expected);
        packets.put("lost", lost);
        packets.put("lossPercent", expected == 0 ? 0.0 : 100.0 * lost / expected);
        packets.put("duplicates", duplicates);
        packets.put("reordered", reordered);
        packets.put("bytes", bytes);
        packets.put("senderReportsReceived", senderReports);
        packets.put("receiverReportsSent", receiverReports);
        s.root.put("packets", packets);

        s.root.put("bitratePerSessionKbps", bitrate(bitrates, bytes, streamSeconds, played));

        Map<String, Object> jitter = all.jitter();
        Map<String, Object> byMedia = new LinkedHashMap<>();
        perMedia.forEach((media, acc) -> byMedia.put(media, acc.toMap()));
        jitter.put("byMedia", byMedia);
        s.root.put("jitterMs", jitter);

        s.putCosts(streamSeconds, server, self);
        return s;
    }

    /**
     * The summary of an HLS run: viewers instead of sessions, time to the first media segment, segments, bytes,
     * playlist loads and stalls instead of packets and jitter; the same process sections.
     */
    public static RunSummary computeHls(RunInfo info, List<ViewerOutcome> outcomes, Map<String, Long> errors,
                                        ProcessMonitor server, ProcessMonitor self) {
        RunSummary s = new RunSummary();
        s.root.put("run", runSection(info));
        int played = 0;
        int ok = 0;
        int stalledViewers = 0;
        long stalls = 0;
        long segments = 0;
        long bytes = 0;
        long playlistLoads = 0;
        double stalledSeconds = 0;
        double viewerSeconds = 0;
        List<Double> firstSegment = new ArrayList<>();
        List<Double> stalledPerViewer = new ArrayList<>();
        List<Double> bitrates = new ArrayList<>();
        for (ViewerOutcome o : outcomes) {
            if (o.played()) {
                played++;
                firstSegment.add(o.firstSegmentMs());
                stalledPerViewer.add(o.stalledSeconds());
                viewerSeconds += o.playingSeconds();
                if (o.playingSeconds() > 0.5) {
                    bitrates.add(o.bytes() * 8 / 1000.0 / o.playingSeconds());
                }
            }
            if (o.ok()) {
                ok++;
            }
            if (o.stalls() > 0) {
                stalledViewers++;
            }
            stalls += o.stalls();
            stalledSeconds += o.stalledSeconds();
            segments += o.segments();
            bytes += o.bytes();
            playlistLoads += o.playlistLoads();
        }
        s.root.put("sessions", sessionsSection(info, outcomes.size(), played, ok, errors));
        s.root.put("firstSegmentMs", distribution(new Percentiles(firstSegment)));

        Map<String, Object> hls = new LinkedHashMap<>();
        hls.put("segments", segments);
        hls.put("bytes", bytes);
        hls.put("playlistLoads", playlistLoads);
        hls.put("stalls", stalls);
        hls.put("stalledSeconds", stalledSeconds);
        hls.put("viewersStalled", stalledViewers);
        hls.put("stalledSecondsPerViewer", distribution(new Percentiles(stalledPerViewer)));
        s.root.put("hls", hls);

        s.root.put("bitratePerSessionKbps", bitrate(bitrates, bytes, viewerSeconds, played));
        s.putCosts(viewerSeconds, server, self);
        return s;
    }

    private static Map<String, Object> runSection(RunInfo info) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("label", info.label());
        run.put("startedAt", info.startedAt());
        run.put("urls", info.urls());
        run.put("transport", info.transport());
        run.put("rampSeconds", info.rampSeconds());
        run.put("holdSeconds", info.holdSeconds());
        run.put("wallSeconds", info.wallSeconds());
        return run;
    }

    private static Map<String, Object> sessionsSection(RunInfo info, int started, int played, int ok,
                                                       Map<String, Long> errors) {
        Map<String, Object> sessions = new LinkedHashMap<>();
        sessions.put("requested", info.sessionsRequested());
        sessions.put("started", started);
        sessions.put("played", played);
        sessions.put("ok", ok);
        sessions.put("failed", started - ok);
        sessions.put("errors", new TreeMap<>(errors));
        return sessions;
    }

    /** Kbit/s per session (over those that played more than half a second) and the aggregate rate. */
    private static Map<String, Object> bitrate(List<Double> perSession, long bytes, double streamSeconds,
                                               int played) {
        Map<String, Object> bitrate = distribution(new Percentiles(perSession));
        bitrate.put("aggregateKbps", streamSeconds > 0 && played > 0
                ? bytes * 8 / 1000.0 / (streamSeconds / played) : 0.0);
        return bitrate;
    }

    /** The stream-seconds and what each process spent on them. */
    private void putCosts(double streamSeconds, ProcessMonitor server, ProcessMonitor self) {
        root.put("streamSeconds", streamSeconds);
        root.put("server", processMap(server, streamSeconds));
        root.put("loadTool", processMap(self, streamSeconds));
    }

    /**
     * Adds how the load tool's UDP sockets were read (the receiver loops' {@code UdpReads}): readable-socket
     * wake-ups, datagrams, receives that found a socket empty, and datagrams per wake-up.
     */
    @SuppressWarnings("unchecked")
    public RunSummary withUdpReads(long wakeups, long datagrams, long emptyReads) {
        Map<String, Object> reads = new LinkedHashMap<>();
        reads.put("wakeups", wakeups);
        reads.put("datagrams", datagrams);
        reads.put("emptyReads", emptyReads);
        reads.put("datagramsPerWakeup", wakeups == 0 ? 0.0 : (double) datagrams / wakeups);
        ((Map<String, Object>) root.get("loadTool")).put("udpReads", reads);
        return this;
    }

    private static Map<String, Object> distribution(Percentiles p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", p.count());
        m.put("p50", p.p50());
        m.put("p99", p.p99());
        m.put("max", p.max());
        m.put("mean", p.mean());
        return m;
    }

    private static Map<String, Object> processMap(ProcessMonitor monitor, double streamSeconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (monitor == null) {
            m.put("pid", null);
            return m;
        }
        double cpu = monitor.cpuSeconds();
        m.put("pid", monitor.pid());
        m.put("cpuSeconds", cpu < 0 ? Double.NaN : cpu);
        m.put("cpuMsPerStreamSecond", cpu < 0 || streamSeconds <= 0 ? Double.NaN : cpu * 1000.0 / streamSeconds);
        m.put("peakRssKb", monitor.peakRssKb());
        m.put("vmHwmKb", monitor.highWaterMarkKb());
        return m;
    }

    /** Per-media (and overall) loss and jitter accumulation over tracks. */
    private static final class MediaAccumulator {
        private int streams;
        private long received;
        private long lost;
        private long expected;
        private final List<Double> meanJitter = new ArrayList<>();
        private final List<Double> finalJitter = new ArrayList<>();
        private double maxJitter;

        void add(TrackStats t) {
            streams++;
            received += t.received();
            lost += t.lost();
            expected += t.expected();
            if (t.received() > 1) {
                meanJitter.add(t.meanJitterMs());
                finalJitter.add(t.jitterMs());
                maxJitter = Math.max(maxJitter, t.maxJitterMs());
            }
        }

        Map<String, Object> jitter() {
            Map<String, Object> m = new LinkedHashMap<>();
            Percentiles mean = new Percentiles(meanJitter);
            Percentiles last = new Percentiles(finalJitter);
            m.put("streams", mean.count());
            m.put("p50", mean.p50());
            m.put("p99", mean.p99());
            m.put("max", maxJitter);
            m.put("finalP50", last.p50());
            m.put("finalP99", last.p99());
            return m;
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("streams", streams);
            m.put("received", received);
            m.put("lost", lost);
            m.put("lossPercent", expected == 0 ? 0.0 : 100.0 * lost / expected);
            Map<String, Object> j = jitter();
            j.remove("streams");
            m.putAll(j);
            return m;
        }
    }

    /** The whole summary as nested maps (for JSON and tests). */
    public Map<String, Object> asMap() {
        return root;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> section(String name) {
        return (Map<String, Object>) root.get(name);
    }

    public String toJson() {
        return Json.write(root);
    }

    /** The summary as text: RTSP sessions, or HLS viewers when the run was an HLS one. */
    @SuppressWarnings("unchecked")
    public String toText() {
        boolean hls = root.containsKey("hls");
        String unit = hls ? "viewer-second" : "stream-second";
        Map<String, Object> run = section("run");
        Map<String, Object> sessions = section("sessions");
        StringBuilder sb = new StringBuilder();
        sb.append("=== Tributary load tool summary");
        if (run.get("label") != null) {
            sb.append(" (").append(run.get("label")).append(')');
        }
        sb.append(" ===\n");
        line(sb, "urls", run.get("urls") + " over " + run.get("transport"));
        line(sb, "time", fmt("ramp %.1f s, hold %.1f s, wall %.1f s", run.get("rampSeconds"),
                run.get("holdSeconds"), run.get("wallSeconds")));
        line(sb, hls ? "viewers" : "sessions", fmt("requested %s, started %s, played %s, ok %s, failed %s",
                sessions.get("requested"), sessions.get("started"), sessions.get("played"), sessions.get("ok"),
                sessions.get("failed")));
        Map<String, Object> errors = (Map<String, Object>) sessions.get("errors");
        line(sb, hls ? "http errors" : "rtsp errors", errors.isEmpty() ? "none" : errors.toString());
        if (hls) {
            appendHls(sb);
        } else {
            appendRtp(sb);
        }
        line(sb, unit + "s", fmt("%.1f", root.get("streamSeconds")));
        line(sb, "server", process(section("server"), unit));
        line(sb, "load tool", process(section("loadTool"), unit));
        Object reads = section("loadTool").get("udpReads");
        if (reads instanceof Map<?, ?> r && ((Number) r.get("wakeups")).longValue() > 0) {
            line(sb, "load tool UDP reads", fmt("%s datagrams in %s readable-socket wake-ups (%.2f each), %s empty"
                    + " receives", r.get("datagrams"), r.get("wakeups"), r.get("datagramsPerWakeup"),
                    r.get("emptyReads")));
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private void appendRtp(StringBuilder sb) {
        Map<String, Object> packets = section("packets");
        Map<String, Object> jitter = section("jitterMs");
        line(sb, "setup ms", dist(section("setupMs")));
        line(sb, "PLAY->1st pkt ms", dist(section("firstPacketMs")));
        line(sb, "PLAY->key frame ms", dist(section("firstKeyFrameMs")));
        line(sb, "TEARDOWN ms", dist(section("teardownMs")));
        line(sb, "packets", fmt("received %s, expected %s, lost %s (%.3f%%), duplicates %s, reordered %s",
                packets.get("received"), packets.get("expected"), packets.get("lost"), packets.get("lossPercent"),
                packets.get("duplicates"), packets.get("reordered")));
        line(sb, "rtcp", fmt("SR received %s, RR sent %s", packets.get("senderReportsReceived"),
                packets.get("receiverReportsSent")));
        line(sb, "kbit/s per session", dist(section("bitratePerSessionKbps")));
        line(sb, "jitter ms (streams)", fmt("p50 %.3f, p99 %.3f, max %.3f over %s streams", jitter.get("p50"),
                jitter.get("p99"), jitter.get("max"), jitter.get("streams")));
        Map<String, Object> byMedia = (Map<String, Object>) jitter.get("byMedia");
        for (Map.Entry<String, Object> e : byMedia.entrySet()) {
            Map<String, Object> m = (Map<String, Object>) e.getValue();
            line(sb, "  " + e.getKey(), fmt("%s streams, lost %s (%.3f%%), jitter p50 %.3f p99 %.3f ms",
                    m.get("streams"), m.get("lost"), m.get("lossPercent"), m.get("p50"), m.get("p99")));
        }
    }

    @SuppressWarnings("unchecked")
    private void appendHls(StringBuilder sb) {
        Map<String, Object> hls = section("hls");
        Map<String, Object> perViewer = (Map<String, Object>) hls.get("stalledSecondsPerViewer");
        line(sb, "1st segment ms", dist(section("firstSegmentMs")));
        line(sb, "segments", fmt("received %s, %s bytes in all, playlists loaded %s", hls.get("segments"),
                hls.get("bytes"), hls.get("playlistLoads")));
        line(sb, "stalls", fmt("%s in %s viewers, %.2f s stalled in all (per viewer p50 %.2f, p99 %.2f, max %.2f s)",
                hls.get("stalls"), hls.get("viewersStalled"), hls.get("stalledSeconds"), perViewer.get("p50"),
                perViewer.get("p99"), perViewer.get("max")));
        line(sb, "kbit/s per viewer", dist(section("bitratePerSessionKbps")));
        line(sb, "loss, jitter", "not measured: HLS carries no RTP");
    }

    private static String process(Map<String, Object> p, String unit) {
        if (p.get("pid") == null) {
            return "not monitored (give --server-pid)";
        }
        return fmt("pid %s: cpu %.2f s, %.3f cpu-ms per %s, peak rss %s kB (VmHWM %s kB)",
                p.get("pid"), p.get("cpuSeconds"), p.get("cpuMsPerStreamSecond"), unit, p.get("peakRssKb"),
                p.get("vmHwmKb"));
    }

    private static String dist(Map<String, Object> d) {
        return fmt("p50 %.2f, p99 %.2f, max %.2f, mean %.2f (n=%s)", d.get("p50"), d.get("p99"), d.get("max"),
                d.get("mean"), d.get("count"));
    }

    private static void line(StringBuilder sb, String name, String value) {
        sb.append(String.format(Locale.ROOT, "%-20s %s%n", name + ":", value));
    }

    private static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
