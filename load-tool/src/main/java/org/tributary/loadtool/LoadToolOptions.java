package org.tributary.loadtool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Command-line options of the load tool, with their defaults. The URLs' scheme decides the protocol: rtsp://
 * URLs make RTSP sessions, http:// and https:// ones HLS viewers; options of the other protocol are refused.
 */
public final class LoadToolOptions {
    /** Options that only mean something for RTSP sessions. */
    private static final Set<String> RTSP_ONLY = Set.of("--transport", "--keepalive", "--keepalive-interval",
            "--rr-interval", "--no-options", "--connect-threads", "--rtsp-timeout", "--bind", "--udp-port-base",
            "--udp-rcvbuf", "--udp-reads", "--publish", "--publish-url", "--publish-transport", "--publish-bitrate",
            "--publish-fps", "--publish-gop", "--publish-payload", "--publish-lead");
    /** Options that only mean something for HLS viewers. */
    private static final Set<String> HLS_ONLY = Set.of("--http-timeout");

    public List<String> urls = new ArrayList<>();
    /** Where publishers publish, when that is not where viewers play (e.g. a server with separate record and play mounts). */
    public List<String> publishUrls = new ArrayList<>();
    public UrlOrder urlOrder = UrlOrder.ROUND_ROBIN;
    public int sessions = 10;
    public double rate = 20;
    public double durationSeconds = 30;
    public TransportMode transport = TransportMode.UDP;
    public String keepAliveMethod = "GET_PARAMETER";
    public double keepAliveSeconds = 0;
    public double rrIntervalSeconds = 5;
    public boolean sendOptions = true;
    public double setupTimeoutSeconds = 120;
    public int connectThreads = 64;
    public int receiverThreads = 2;
    public double rtspTimeoutSeconds = 10;
    public double httpTimeoutSeconds = 10;
    public double teardownGraceSeconds = 3;
    public String bindAddress = "0.0.0.0";
    public int udpPortBase = 20000;
    public int udpReceiveBuffer = 256 * 1024;
    public int udpReadsPerWakeup = 64;
    public double reportIntervalSeconds = 5;
    public Path jsonFile;
    public String serverPid;
    public String label;
    public boolean quiet;
    public int publish;
    public boolean publishUdp;
    public int publishBitrate = 1_000_000;
    public double publishFps = 25;
    public int publishGop = 50;
    public int publishMaxPayload = 1400;
    /** Seconds between the publishers' RECORD and the first viewer (a cluster's edges learn of a new path late). */
    public double publishLeadSeconds;
    public boolean help;
    /** The options given on the command line, by the name they were given as. */
    private final Set<String> given = new LinkedHashSet<>();

    static final String USAGE = String.join("\n",
            "Usage: java -jar tributary-load-tool.jar [options] --url rtsp://[user:pass@]host:port/path",
            "       java -jar tributary-load-tool.jar [options] --url http://host:8080/tributary/hls/path/index.m3u8",
            "",
            "RTSP: opens N concurrent RTSP sessions (OPTIONS, DESCRIBE, SETUP every track, PLAY), keeps them",
            "alive, sends RTCP receiver reports, and reports loss, jitter, latency, bitrate and server CPU/RSS.",
            "",
            "HLS (an http:// or https:// multivariant or media playlist URL): runs N viewers that load what hls.js",
            "loads: the playlist (the first variant's media playlist when it is a multivariant one), the",
            "EXT-X-MAP init segment, then the media segments in order, in real time: playback starts with the",
            "first segment, and the next is loaded as soon as less than one target duration is left to play. A",
            "VOD playlist is played from its start and looped; a live one is joined 3 target durations from its",
            "edge and reloaded every target duration. Reports time to the first segment, segments, bytes, HTTP",
            "errors by status, stalls (the play clock reaching the end of the loaded media) and server CPU per",
            "viewer-second. All viewers share one HTTP/1.1 client (keep-alive) and a few threads.",
            "",
            "  --url URL               stream or playlist URL; repeat for several (RTSP credentials as",
            "                          user:pass@ in the URL; an HLS URL keeps its query, e.g. ?token=...)",
            "  --urls-file FILE        one URL a line (# comments allowed)",
            "  --url-order ORDER       round-robin (default) or random",
            "  -n, --sessions N        concurrent sessions or HLS viewers (default 10)",
            "  --rate R                sessions (viewers) started per second while ramping (default 20)",
            "  --duration S            seconds to hold once every session is set up / every viewer has",
            "                          loaded its first segment (default 30)",
            "  --setup-timeout S       longest wait after the last start for handshakes (HLS: first",
            "                          segments) to end (default 120)",
            "  --receiver-threads T    selector threads receiving RTP/RTCP; HLS: threads handling HTTP",
            "                          answers (default 2)",
            "  --report-interval S     seconds between live lines (default 5; 0 = none)",
            "  --server-pid PID        sample the server's CPU (/proc/PID/stat) and RSS (/proc/PID/status)",
            "  --json FILE             write the summary as JSON",
            "  --label TEXT            a name for this run in the report",
            "  -q, --quiet             no live lines",
            "  -h, --help              this text",
            "",
            "RTSP only:",
            "  --transport MODE        udp (default): RTP to UDP client ports; tcp: interleaved on the RTSP",
            "                          connection; http: interleaved in an RTSP-over-HTTP tunnel to the same",
            "                          port (QuickTime/ffmpeg style: GET for answers and media, base64 POST)",
            "  --keepalive METHOD      get_parameter (default) or options; sent with Session",
            "  --keepalive-interval S  seconds between keep-alives (default: session timeout / 2)",
            "  --rr-interval S         seconds between RTCP receiver reports, randomised +-50% (default 5)",
            "  --no-options            skip the initial OPTIONS request",
            "  --connect-threads T     threads doing RTSP handshakes concurrently (default 64)",
            "  --rtsp-timeout S        per-request response timeout (default 10)",
            "  --bind ADDR             local address for UDP sockets (default 0.0.0.0)",
            "  --udp-port-base P       first client port tried, pairs even/odd (default 20000; 0 = any)",
            "  --udp-rcvbuf BYTES      SO_RCVBUF per UDP socket (default 262144; capped by net.core.rmem_max)",
            "  --udp-reads N           datagrams read from a readable UDP socket before the next poll (default",
            "                          64: until a read finds it empty; 1: no empty read, the poll reports it again)",
            "  --publish N             first publish N live streams (ANNOUNCE, SETUP mode=record, RECORD) to the",
            "                          URLs in turn, synthetic H.264; the viewers start once every RECORD is answered",
            "  --publish-url URL       publish to URL instead of the --url ones (repeat for several); viewers still",
            "                          play the --url ones (for servers whose record and play mounts differ)",
            "  --publish-transport T   tcp (default: interleaved 0-1) or udp (client_port, to the server_port)",
            "  --publish-bitrate BPS   video bit/s per publisher (default 1000000)",
            "  --publish-fps F         frames per second (default 25)",
            "  --publish-gop N         frames per GOP: SPS, PPS and an IDR every N frames (default 50)",
            "  --publish-payload B     largest RTP payload; bigger slices go as FU-A (default 1400)",
            "  --publish-lead S        seconds the publishers send before the first viewer starts (default 0; a",
            "                          cluster's edges learn of a new live path at the nodes' next heartbeats)",
            "",
            "HLS only:",
            "  --http-timeout S        connect timeout and longest wait for an answer's head (default 10)",
            "");

    public static LoadToolOptions parse(String[] args) {
        LoadToolOptions o = new LoadToolOptions();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "-h", "--help" -> o.help = true;
                case "-q", "--quiet" -> o.quiet = true;
                case "--no-options" -> {
                    o.sendOptions = false;
                    o.given.add(arg);
                }
                default -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("missing value for " + arg);
                        }
                        value = args[++i];
                    }
                    o.set(arg, value);
                }
            }
        }
        if (!o.help) {
            o.validate();
        }
        return o;
    }

    private void set(String name, String value) {
        given.add(name);
        switch (name) {
            case "--url" -> urls.add(value);
            case "--urls-file" -> urls.addAll(readUrls(Path.of(value)));
            case "--url-order" -> urlOrder = value.toLowerCase(Locale.ROOT).startsWith("rand")
                    ? UrlOrder.RANDOM : UrlOrder.ROUND_ROBIN;
            case "-n", "--sessions" -> sessions = Integer.parseInt(value);
            case "--rate" -> rate = Double.parseDouble(value);
            case "--duration" -> durationSeconds = Double.parseDouble(value);
            case "--setup-timeout" -> setupTimeoutSeconds = Double.parseDouble(value);
            case "--transport" -> transport = TransportMode.valueOf(value.toUpperCase(Locale.ROOT));
            case "--keepalive" -> keepAliveMethod = value.toUpperCase(Locale.ROOT).replace('-', '_');
            case "--keepalive-interval" -> keepAliveSeconds = Double.parseDouble(value);
            case "--rr-interval" -> rrIntervalSeconds = Double.parseDouble(value);
            case "--connect-threads" -> connectThreads = Integer.parseInt(value);
            case "--receiver-threads" -> receiverThreads = Integer.parseInt(value);
            case "--rtsp-timeout" -> rtspTimeoutSeconds = Double.parseDouble(value);
            case "--http-timeout" -> httpTimeoutSeconds = Double.parseDouble(value);
            case "--bind" -> bindAddress = value;
            case "--udp-port-base" -> udpPortBase = Integer.parseInt(value);
            case "--udp-rcvbuf" -> udpReceiveBuffer = Integer.parseInt(value);
            case "--udp-reads" -> udpReadsPerWakeup = Integer.parseInt(value);
            case "--report-interval" -> reportIntervalSeconds = Double.parseDouble(value);
            case "--server-pid" -> serverPid = value;
            case "--json" -> jsonFile = Path.of(value);
            case "--label" -> label = value;
            case "--publish" -> publish = Integer.parseInt(value);
            case "--publish-url" -> publishUrls.add(value);
            case "--publish-transport" -> publishUdp = switch (value.toLowerCase(Locale.ROOT)) {
                case "udp" -> true;
                case "tcp" -> false;
                default -> throw new IllegalArgumentException("--publish-transport must be tcp or udp");
            };
            case "--publish-bitrate" -> publishBitrate = Integer.parseInt(value);
            case "--publish-fps" -> publishFps = Double.parseDouble(value);
            case "--publish-gop" -> publishGop = Integer.parseInt(value);
            case "--publish-payload" -> publishMaxPayload = Integer.parseInt(value);
            case "--publish-lead" -> publishLeadSeconds = Double.parseDouble(value);
            default -> throw new IllegalArgumentException("unknown option " + name);
        }
    }

    private static List<String> readUrls(Path file) {
        try {
            List<String> result = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String t = line.trim();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    result.add(t);
                }
            }
            return result;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether the URLs are HLS playlists (http:// or https://) rather than RTSP streams. */
    public boolean isHls() {
        return !urls.isEmpty() && isHttp(urls.get(0));
    }

    private static boolean isHttp(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    void validate() {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("give at least one --url");
        }
        boolean hls = isHls();
        for (String url : urls) {
            if (isHttp(url) != hls) {
                throw new IllegalArgumentException("give either rtsp:// URLs or http(s):// HLS playlist URLs, not both: "
                        + url);
            }
        }
        for (String name : given) {
            if (hls && RTSP_ONLY.contains(name)) {
                throw new IllegalArgumentException(name + " is for RTSP; http(s):// URLs are played as HLS viewers");
            }
            if (!hls && HLS_ONLY.contains(name)) {
                throw new IllegalArgumentException(name + " is for HLS (http:// or https:// playlist URLs)");
            }
        }
        if (sessions < 1 || rate <= 0 || durationSeconds < 0 || connectThreads < 1 || receiverThreads < 1
                || rtspTimeoutSeconds <= 0 || httpTimeoutSeconds <= 0 || rrIntervalSeconds <= 0
                || setupTimeoutSeconds < 0) {
            throw new IllegalArgumentException("sessions, rate, threads, timeouts must be positive");
        }
        if (udpReadsPerWakeup < 1) {
            throw new IllegalArgumentException("--udp-reads must be at least 1");
        }
        if (!keepAliveMethod.equals("GET_PARAMETER") && !keepAliveMethod.equals("OPTIONS")) {
            throw new IllegalArgumentException("--keepalive must be get_parameter or options");
        }
        if (publish < 0 || publish > 1000) {
            throw new IllegalArgumentException("--publish must be 0..1000");
        }
        if (!publishUrls.isEmpty() && publish == 0) {
            throw new IllegalArgumentException("--publish-url needs --publish N");
        }
        if (serverPid != null && !serverPid.matches("\\d+")) {
            throw new IllegalArgumentException("--server-pid must be a number");
        }
    }
}
