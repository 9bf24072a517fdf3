package org.tributary.api.settings;

import org.tributary.api.settings.SettingDescriptor.Applied;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of the adapter, in the order the Settings page and README show them. This list is the one
 * place a setting is declared: validation, the JSON API, the Settings page and the README's table follow it.
 */
public final class SettingsSchema {

    private static final String NETWORK = "Network";
    private static final String LIMITS = "Media and limits";
    private static final String CONNECTIONS = "Connections";
    private static final String AUTH = "Authentication";
    private static final String MP3 = "MP3 over HTTP";
    private static final String LIVE = "Live broadcasting";
    private static final String HLS = "HLS";
    private static final int MAX_LIMIT = 1_000_000;
    private static final int DAY = 86_400;

    /** Every setting, editable ones and deploy-time ones. */
    public static final List<SettingDescriptor> ALL = List.of(
            text("rtspBindAddress", "tributary.rtsp.bind-address", "0.0.0.0").label("RTSP bind address")
                    .describe("address the RTSP, tunnel and RTP sockets bind; 0.0.0.0 for every address")
                    .in(NETWORK).restart(),
            integer("rtspPort", "tributary.rtsp.port", 8554, 0, 65535).label("RTSP port")
                    .describe("RTSP TCP port; a change moves the listener, open connections stay").in(NETWORK).live(),
            integer("rtpPort", "tributary.rtp.port", 6970, 0, 65534).label("RTP port")
                    .describe("even UDP port RTP leaves from; RTCP uses the next one").in(NETWORK).restart(),
            integer("httpTunnelPort", "tributary.rtsp.http-tunnel-port", 0, 0, 65535).zero("none")
                    .label("HTTP tunnel port")
                    .describe("a second port for RTSP and RTSP-over-HTTP tunnels (8001 on the run command)")
                    .in(NETWORK).live(),
            integer("rtspsPort", "tributary.rtsps.port", 8322, 0, 65535).zero("off").label("RTSPS port")
                    .describe("RTSP over TLS (rtsps://, media interleaved in the TLS connection; 322 is the IANA"
                            + " port); off when the key store cannot be read").in(NETWORK).restart(),
            text("tlsKeyStore", "tributary.tls.key-store", "tributary-tls.p12").label("TLS key store")
                    .describe("PKCS#12 or JKS file with the RTSPS certificate and key, relative to the server's"
                            + " configuration folder; password: -Dtributary.tls.key-store-password"
                            + " (docs/OPERATIONS.md, TLS)").in(NETWORK).deployOnly(),
            text("mediaRoot", "tributary.media.root", "media").label("Media folder")
                    .describe("the media folder served (server-config/target/media on the run command)")
                    .in(LIMITS).live(),
            integer("maxConnections", "tributary.rtsp.max-connections", 5000, 1, MAX_LIMIT).label("Max connections")
                    .describe("RTSP connections at once; more get 503").in(LIMITS).live(),
            integer("maxSessions", "tributary.session.max", 10000, 1, MAX_LIMIT).label("Max sessions")
                    .describe("RTSP sessions at once; more SETUPs get 453").in(LIMITS).live(),
            integer("maxBandwidthKbps", "tributary.rtsp.max-bandwidth-kbps", 0, 0, 100_000_000).zero("unlimited")
                    .label("Max bandwidth").unit("kbit/s")
                    .describe("outgoing RTP and MP3 bandwidth; a new stream that would pass it gets 453 (MP3: 503)")
                    .in(LIMITS).live(),
            integer("sessionTimeoutSeconds", "tributary.session.timeout-seconds", 60, 5, DAY)
                    .label("Session timeout").unit("s")
                    .describe("a session with no request and no RTCP for this long ends (new sessions)")
                    .in(LIMITS).live(),
            integer("maxSessionsPerAddress", "tributary.session.max-per-address", 100, 0, MAX_LIMIT)
                    .zero("no limit").label("Max sessions per address")
                    .describe("sessions one client address may hold at once; more SETUPs from it get 453, and as"
                            + " many HLS viewings, past which it gets 503 (raise it for clients behind one NAT)").in(LIMITS).deployOnly(),
            integer("rtxBandwidthPercent", "tributary.rtx.bandwidth-percent", 10, 0, 100)
                    .zero("skip protection off: plain RTP/AVP offered").label("Retransmission share").unit("%")
                    .describe("skip protection (RFC 4585 NACK, RFC 4588 RTX): lost packets a client asks for again"
                            + " are resent up to this share of its track's bytes (new sessions)").in(LIMITS).live(),
            text("rtxPlayers", "tributary.rtx.players", "GStreamer").label("Skip protection for")
                    .describe("players offered skip protection (RTP/AVPF): words their User-Agent contains,"
                            + " comma-separated (GStreamer's rtspsrc says GStreamer), or \"all\"; others get plain"
                            + " RTP/AVP, because VLC (live555) and QuickTime read only RTP/AVP tracks").in(LIMITS).live(),
            integer("rtxTimeMillis", "tributary.rtx.time-millis", 1000, 10, 10_000).label("Retransmission window")
                    .unit("ms").describe("a packet is resent only this long after it was sent; offered as rtx-time"
                            + " (new sessions)").in(LIMITS).live(),
            integer("rtxMaxResends", "tributary.rtx.max-resends", 3, 1, 10).label("Resends per packet")
                    .describe("times one lost packet is resent at most (new sessions)").in(LIMITS).live(),
            integer("rtxHistoryKilobytes", "tributary.rtx.history-kilobytes", 512, 16, 65_536)
                    .label("Retransmission history").unit("KiB")
                    .describe("sent packets kept per track of a session that asked for retransmission (new"
                            + " sessions)").in(LIMITS).live(),
            integer("overbufferSeconds", "tributary.overbuffer.seconds", 0, 0, 60).zero("instant-on off")
                    .label("Instant-on").unit("s")
                    .describe("media sent ahead at PLAY and after a seek, so a player starts at once (3 is a good"
                            + " value; UDP has no flow control, so a busy player can lose a burst); a client's"
                            + " x-Prebuffer maxtime lowers it (new PLAYs)").in(LIMITS).live(),
            integer("overbufferMultiple", "tributary.overbuffer.multiple", 4, 1, 16).label("Instant-on speed")
                    .unit("× real time")
                    .describe("how much faster than real time the instant-on seconds go, within the session's"
                            + " bandwidth and a client's Speed (new PLAYs)").in(LIMITS).live(),
            integer("thinningLossPercent", "tributary.thinning.loss-percent", 10, 0, 100).zero("thinning off")
                    .label("Thinning threshold").unit("%")
                    .describe("a UDP client reporting more loss is sent fewer H.264 frames: first those nothing"
                            + " refers to, then key frames only; restored at half this loss (new sessions)")
                    .in(LIMITS).live(),
            integer("thinningLevelSeconds", "tributary.thinning.level-seconds", 10, 1, 3600)
                    .label("Time per thinning level").unit("s")
                    .describe("a thinning level is kept at least this long before the next change (new sessions)")
                    .in(LIMITS).live(),
            integer("maxIncomingRtpStreams", "tributary.rtp.max-incoming-streams", 1024, 1, MAX_LIMIT)
                    .label("Max incoming RTP streams")
                    .describe("RTP streams the server receives at once (a publisher's tracks); more are refused")
                    .in(LIMITS).live(),
            integer("rtspIdleTimeoutSeconds", "tributary.rtsp.idle-timeout-seconds", 60, 1, DAY)
                    .label("Idle connection timeout").unit("s")
                    .describe("an RTSP-port connection without a session (an unpaired tunnel half, an unfinished MP3"
                            + " request) silent this long is closed").in(CONNECTIONS).live(),
            integer("rtspRequestTimeoutSeconds", "tributary.rtsp.request-timeout-seconds", 15, 1, 3600)
                    .label("Request timeout").unit("s")
                    .describe("a request not whole this long after its first byte, or no byte this long after"
                            + " connecting, gets 408 and a close").in(CONNECTIONS).deployOnly(),
            integer("rtspMaxConnectionsPerAddress", "tributary.rtsp.max-connections-per-address", 100, 1, MAX_LIMIT)
                    .label("Max connections per address")
                    .describe("connections at once from one client address (both RTSP ports together); more get 503")
                    .in(CONNECTIONS).deployOnly(),
            integer("rtspMaxTunnels", "tributary.rtsp.max-tunnels", 1000, 1, MAX_LIMIT).label("Max tunnels")
                    .describe("RTSP-over-HTTP GET halves open at once per port; more get 503")
                    .in(CONNECTIONS).deployOnly(),
            integer("rtspMaxQueuedBytesPerConnection", "tributary.rtsp.max-queued-bytes-per-connection", 1048576,
                    64 * 1024, 256 * 1024 * 1024).label("Output queue per connection").unit("bytes")
                    .describe("output queued for one slow reader; interleaved packets past it are dropped (counted"
                            + " per session)").in(CONNECTIONS).deployOnly(),
            integer("rtspMaxQueuedPercentOfHeap", "tributary.rtsp.max-queued-percent-of-heap", 25, 1, 90)
                    .label("Output queue of all connections").unit("% of heap")
                    .describe("output queued on all connections together; packets past it are dropped")
                    .in(CONNECTIONS).deployOnly(),
            integer("rtspStallSeconds", "tributary.rtsp.stall-seconds", 30, 1, 3600).label("Stalled reader limit")
                    .unit("s").describe("a client that takes none of its queued output this long is closed")
                    .in(CONNECTIONS).deployOnly(),
            integer("senderThreads", "tributary.engine.sender-threads", 2, 1, 64).label("Sender threads")
                    .describe("threads pacing every stream").in(LIMITS).deployOnly(),
            bool("batchedSends", "tributary.engine.batched-sends", true).label("Batched UDP sends")
                    .describe("a sender thread's UDP packets leave up to 32 per sendmmsg call, through Netty's native"
                            + " epoll transport (Linux x86_64); off, or where it cannot load: one sendto per packet."
                            + " GET /api/status says which runs").in(LIMITS).deployOnly(),
            integer("sendAheadMicros", "tributary.engine.send-ahead-micros", 2000, 0, 20_000).label("Send-ahead window")
                    .unit("µs").describe("when a sender thread's earliest packet is due, the packets due within this long"
                            + " leave with it (early by at most this much, never late): fewer wake-ups, fuller batches;"
                            + " 0 sends each at its time").in(LIMITS).deployOnly(),
            integer("controlThreads", "tributary.control.threads", 8, 1, 32).label("Control threads")
                    .describe("threads answering RTSP and HTTP requests (long-running Work)").in(LIMITS).deployOnly(),
            integer("controlQueue", "tributary.control.queue", 1000, 1, 100_000).label("Control queue")
                    .describe("requests waiting for a control thread; more get 503").in(LIMITS).deployOnly(),
            text("authSchemes", "tributary.auth.schemes", "digest basic").label("Authentication schemes")
                    .describe("schemes a 401 offers where a folder's rule names none, preferred first: \"digest"
                            + " basic\", \"digest\", \"basic\"").in(AUTH).live(),
            integer("accessCacheSeconds", "tributary.access.cache-seconds", 10, 0, DAY).label("Access cache")
                    .unit("s").describe("how long an access decision is reused").in(AUTH).live(),
            integer("accessTimeoutMillis", "tributary.access.timeout-millis", 3000, 1, 600_000)
                    .label("Access decision timeout").unit("ms")
                    .describe("how long a request waits for an access decision; past it 503").in(AUTH).deployOnly(),
            integer("authNonceSeconds", "tributary.auth.nonce-seconds", 300, 1, DAY).label("Digest nonce lifetime")
                    .unit("s").describe("older nonces get stale=true").in(AUTH).deployOnly(),
            integer("authFailuresBeforeDelay", "tributary.auth.failures-before-delay", 3, 1, MAX_LIMIT)
                    .label("Failures before delay")
                    .describe("failed logins from one address, or for one user name, before answers are slowed")
                    .in(AUTH).deployOnly(),
            integer("authDelayMillisPerFailure", "tributary.auth.delay-millis-per-failure", 250, 0, 2000)
                    .label("Delay per failure").unit("ms")
                    .describe("added to the answer per failure past that point (at most 2 s in all)")
                    .in(AUTH).deployOnly(),
            integer("authFailuresBeforeLockout", "tributary.auth.failures-before-lockout", 10, 1, MAX_LIMIT)
                    .label("Failures before lockout").describe("failed logins before the address gets 403")
                    .in(AUTH).deployOnly(),
            integer("authLockoutSeconds", "tributary.auth.lockout-seconds", 60, 1, DAY).label("Lockout")
                    .unit("s").describe("how long a locked-out address stays refused").in(AUTH).deployOnly(),
            bool("authDigestWithoutQop", "tributary.auth.digest-without-qop", false)
                    .label("Digest without qop")
                    .describe("accept Digest answers without qop=auth (RFC 2069, replayable while the nonce lives),"
                            + " for live555/VLC and GStreamer").in(AUTH).deployOnly(),
            integer("mp3MaxStreams", "tributary.mp3.max-streams", 1000, 0, MAX_LIMIT).zero("MP3 over HTTP off")
                    .label("Max MP3 streams").describe("MP3-over-HTTP listeners at once; more get 503")
                    .in(MP3).live(),
            integer("mp3BurstSeconds", "tributary.mp3.burst-seconds", 3, 0, 60).zero("paced from the first frame")
                    .label("MP3 burst").unit("s")
                    .describe("audio sent at once when a listener connects (new streams)").in(MP3).live(),
            integer("mp3IcyMetaint", "tributary.mp3.icy-metaint", 16000, 256, 65536)
                    .label("ICY metadata interval").unit("bytes")
                    .describe("audio bytes between two title blocks; players expect 8192 or 16000 (new streams)")
                    .in(MP3).live(),
            integer("mp3StallSeconds", "tributary.mp3.stall-seconds", 60, 1, 3600).label("MP3 stall limit")
                    .unit("s").describe("a listener taking no bytes this long is dropped (new streams)")
                    .in(MP3).live(),
            integer("refusalsPerWindow", "tributary.refusals.per-window", 10, 0, MAX_LIMIT).zero("one per refusal")
                    .label("Refusals per window")
                    .describe("refusals of one client address, status and folder that get their own access-log"
                            + " line per window; the rest become one line with their count").in(LIMITS).deployOnly(),
            integer("refusalWindowSeconds", "tributary.refusals.window-seconds", 60, 1, DAY)
                    .label("Refusal window").unit("s").describe("the window of refusalsPerWindow")
                    .in(LIMITS).deployOnly(),
            integer("maxPublishers", "tributary.live.max-publishers", 100, 0, MAX_LIMIT).zero("publishing off")
                    .label("Max publishers")
                    .describe("broadcasts (ANNOUNCE/RECORD) at once; more get 453").in(LIVE).live(),
            integer("publisherTimeoutSeconds", "tributary.live.publisher-timeout-seconds", 10, 1, 3600)
                    .label("Publisher timeout").unit("s")
                    .describe("a recording publisher that sends no media this long is lost (see publisherGraceSeconds)")
                    .in(LIVE).live(),
            integer("publisherGraceSeconds", "tributary.live.publisher-grace-seconds", 5, 0, 3600)
                    .zero("viewers ended at once").label("Publisher grace").unit("s")
                    .describe("when a publisher is lost (connection closed, no media), its viewers wait this long"
                            + " for it to come back with the same tracks and go on without a break").in(LIVE).live(),
            bool("liveTakeover", "tributary.live.takeover", false).label("Publisher takeover")
                    .describe("a new ANNOUNCE on a path being published ends the old broadcast instead of getting"
                            + " 455").in(LIVE).live(),
            integer("livePortFirst", "tributary.live.rtp-port-first", 20000, 1024, 65534)
                    .label("Publisher ports from").describe("first UDP port a publisher sending over UDP gets"
                            + " (an even RTP port and the RTCP port above it per track; new broadcasts)")
                    .in(LIVE).live(),
            integer("livePortLast", "tributary.live.rtp-port-last", 20999, 1025, 65535)
                    .label("Publisher ports to").describe("last UDP port of that range; a full range answers 453")
                    .in(LIVE).live(),
            integer("sdpLingerSeconds", "tributary.live.sdp-linger-seconds", 10, 0, DAY)
                    .label("SDP file linger").unit("s")
                    .describe("an .sdp file's live source (its ports, its multicast group) stays open this long"
                            + " after its last viewer left").in(LIVE).live(),
            text("liveBroadcastersFile", "tributary.live.broadcasters-file", "tributary-broadcasters.conf")
                    .label("Local broadcasters file")
                    .describe("the commands the server runs to publish live paths (README: Local broadcasters);"
                            + " relative to the server's configuration folder; none when missing")
                    .in(LIVE).deployOnly(),
            text("multicastRange", "tributary.multicast.range", "239.255.42.0/24").label("Multicast groups")
                    .describe("groups live streams are multicast to, one per stream: a prefix (239.255.42.0/24) or a"
                            + " first-last pair of multicast addresses; new groups").in(LIVE).live(),
            integer("multicastPortFirst", "tributary.multicast.port-first", 22000, 1024, 65534)
                    .label("Multicast base port")
                    .describe("even RTP port of every group's first track; track n uses it + 2n, RTCP the next;"
                            + " new groups").in(LIVE).live(),
            integer("multicastPortLast", "tributary.multicast.port-last", 22015, 1025, 65535)
                    .label("Multicast last port")
                    .describe("last port a group's tracks may use: a stream with more tracks gets 453; new groups")
                    .in(LIVE).live(),
            integer("multicastTtl", "tributary.multicast.ttl", 16, 0, 255).label("Multicast TTL")
                    .describe("router hops multicast packets live (Darwin's default: 16); groups taken from then"
                            + " on (a stream already multicasting keeps its socket)").in(LIVE).live(),
            text("multicastInterface", "tributary.multicast.interface", "any").label("Multicast interface")
                    .describe("network interface multicast leaves by (e.g. eth0); \"any\" for the system's route;"
                            + " groups taken from then on (a stream already multicasting keeps its socket)")
                    .in(LIVE).live(),
            text("multicastOnlyPaths", "tributary.multicast.only-paths", "none").label("Multicast-only paths")
                    .describe("live paths served only by multicast, comma-separated prefixes (live/allhands covers"
                            + " live/allhands.sdp and live/allhands/...): their SDP names the group, unicast SETUP gets"
                            + " 461; \"none\" for none").in(LIVE).live(),
            integer("hlsTargetDuration", "tributary.hls.target-duration", 6, 1, 30).label("HLS segment duration")
                    .unit("s").describe("segments are cut at the first key frame after this long (files are planned"
                            + " again at their next request)").in(HLS).live(),
            integer("hlsLiveTargetDuration", "tributary.hls.live-target-duration", 2, 1, 30)
                    .label("Live HLS segment duration").unit("s")
                    .describe("a live stream's segments are cut at its first key frame after this long: with hls.js's"
                            + " default of three segments behind the edge, the delay is about four of these (streams"
                            + " packaged from then on)").in(HLS).live(),
            integer("hlsLiveWindowSegments", "tributary.hls.live-window-segments", 6, 3, 60)
                    .label("Live HLS playlist window").unit("segments")
                    .describe("the latest segments a live playlist lists; older ones are gone (streams packaged from"
                            + " then on)").in(HLS).live(),
            integer("hlsCacheMegabytes", "tributary.hls.cache-megabytes", 64, 0, 4096).zero("no segment cache")
                    .label("HLS segment cache").unit("MiB")
                    .describe("HLS segments kept in memory, least recently used out first").in(HLS).live(),
            text("hlsCorsOrigin", "tributary.hls.cors-origin", "none").label("HLS CORS origin")
                    .describe("web pages of this origin (https://intranet.example.com, or * for any) may fetch HLS from"
                            + " another site (Access-Control-Allow-Origin); \"none\" for none").in(HLS).live());

    private static final Map<String, SettingDescriptor> BY_NAME = index();

    private SettingsSchema() {
    }

    /** The settings an administrator may change, in page order. */
    public static List<SettingDescriptor> editable() {
        return ALL.stream().filter(SettingDescriptor::editable).toList();
    }

    /** The names of {@link #editable()}. */
    public static List<String> editableNames() {
        return editable().stream().map(SettingDescriptor::name).toList();
    }

    public static Optional<SettingDescriptor> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The descriptor of a setting that must exist. */
    public static SettingDescriptor get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no setting " + name));
    }

    /** The Settings page's sections, in order, each with its editable settings. */
    public static Map<String, List<SettingDescriptor>> editableByGroup() {
        Map<String, List<SettingDescriptor>> out = new LinkedHashMap<>();
        editable().forEach(d -> out.computeIfAbsent(d.group(), g -> new ArrayList<>()).add(d));
        return out;
    }

    private static Map<String, SettingDescriptor> index() {
        Map<String, SettingDescriptor> out = new LinkedHashMap<>();
        for (SettingDescriptor d : ALL) {
            if (out.put(d.name(), d) != null) {
                throw new IllegalStateException("two settings named " + d.name());
            }
        }
        return Map.copyOf(out);
    }

    private static Builder text(String name, String property, String defaultValue) {
        return new Builder(name, property, SettingType.TEXT, defaultValue, 0, 0);
    }

    private static Builder integer(String name, String property, int defaultValue, int min, int max) {
        return new Builder(name, property, SettingType.INTEGER, Integer.toString(defaultValue), min, max);
    }

    private static Builder bool(String name, String property, boolean defaultValue) {
        return new Builder(name, property, SettingType.BOOLEAN, Boolean.toString(defaultValue), 0, 0);
    }

    /** Reads like the table it replaces: name, property, default, range, then the words. */
    private static final class Builder {
        private final String name;
        private final String property;
        private final SettingType type;
        private final String defaultValue;
        private final long min;
        private final long max;
        private String zeroMeans;
        private String label;
        private String unit = "";
        private String description;
        private String group;

        Builder(String name, String property, SettingType type, String defaultValue, long min, long max) {
            this.name = name;
            this.property = property;
            this.type = type;
            this.defaultValue = defaultValue;
            this.min = min;
            this.max = max;
        }

        Builder zero(String meaning) {
            zeroMeans = meaning;
            return this;
        }

        Builder label(String text) {
            label = text;
            return this;
        }

        Builder unit(String text) {
            unit = text;
            return this;
        }

        Builder describe(String text) {
            description = text;
            return this;
        }

        Builder in(String section) {
            group = section;
            return this;
        }

        SettingDescriptor live() {
            return build(Applied.LIVE);
        }

        SettingDescriptor restart() {
            return build(Applied.RESTART);
        }

        SettingDescriptor deployOnly() {
            return build(Applied.DEPLOY);
        }

        private SettingDescriptor build(Applied applied) {
            return new SettingDescriptor(name, property, type, defaultValue, min, max, zeroMeans, label, unit,
                    description, group, applied);
        }
    }
}
