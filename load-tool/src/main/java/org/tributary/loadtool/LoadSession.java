package org.tributary.loadtool;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.tributary.loadtool.report.SessionOutcome;
import org.tributary.loadtool.rtp.ChannelHandler;
import org.tributary.loadtool.rtp.LoopSession;
import org.tributary.loadtool.rtp.ReceiverLoop;
import org.tributary.loadtool.rtp.TrackReceiver;
import org.tributary.loadtool.rtp.TrackStats;
import org.tributary.loadtool.rtp.UdpPortAllocator;
import org.tributary.loadtool.rtsp.HttpTunnel;
import org.tributary.loadtool.rtsp.RtspConnection;
import org.tributary.loadtool.rtsp.RtspInboundHandler;
import org.tributary.rtsp.RtspResponse;
import org.tributary.loadtool.rtsp.RtspUrl;
import org.tributary.loadtool.rtsp.SdpDescription;
import org.tributary.loadtool.rtsp.SdpTrack;
import org.tributary.loadtool.rtsp.TunnelRefusedException;
import org.tributary.rtsp.header.ChannelRange;
import org.tributary.rtsp.header.HeaderParseException;
import org.tributary.rtsp.header.PortRange;
import org.tributary.rtsp.header.Transport;
import org.tributary.rtsp.header.TransportSpec;
import org.tributary.rtsp.header.Session;

/**
 * One simulated client. A connect thread runs {@link #handshake} (blocking: OPTIONS, DESCRIBE,
 * SETUP per track, PLAY); then a {@link ReceiverLoop} owns it: it receives RTP/RTCP, sends
 * keep-alives every timeout/2 and receiver reports every few seconds, and TEARDOWN at the end.
 */
final class LoadSession implements LoopSession, RtspInboundHandler {
    /** The session timeout a server means when its Session header names none (RFC 2326 12.37). */
    static final int DEFAULT_SESSION_TIMEOUT = 60;

    private static int timeoutSeconds(Session session) {
        return session.timeoutSeconds() == null ? DEFAULT_SESSION_TIMEOUT : session.timeoutSeconds();
    }

    private static final int NOT_SENT = -1;
    private static final long TEARDOWN_WAIT_NANOS = 2_000_000_000L;
    private static final String USER_AGENT = "TributaryLoadTool/0.1";

    enum State { NEW, HANDSHAKE, PLAYING, TEARING_DOWN, DONE, FAILED }

    private final RtspUrl url;
    private final LoadToolOptions options;
    private final UdpPortAllocator ports;
    private final ErrorCounts errors;
    private final String cname;
    private final List<MediaTrack> tracks = new ArrayList<>();
    private RtspConnection connection;
    /** The receiver loop that reads this session's sockets (set before they are registered with it). */
    private ReceiverLoop loop;
    private String aggregateUri;
    private String keepAliveMethod;
    private long keepAliveNanos;
    private long rrIntervalNanos;
    private long nextKeepAlive;
    private long nextReport;
    private int keepAliveCseq = NOT_SENT;
    private int teardownCseq = NOT_SENT;
    private long teardownDeadline;
    private long teardownSentNanos;
    private volatile double teardownMs = Double.NaN;

    private volatile State state = State.NEW;
    private volatile String failure;
    private volatile long connectNanos = -1;
    private volatile long playSentNanos = -1;
    /** The UDP sockets were registered with the receiver loop before PLAY. */
    private volatile boolean mediaRegistered;
    private volatile long playOkNanos = -1;
    private volatile long endNanos = -1;

    LoadSession(RtspUrl url, LoadToolOptions options, UdpPortAllocator ports, ErrorCounts errors, int index) {
        this.url = url;
        this.options = options;
        this.ports = ports;
        this.errors = errors;
        this.cname = "tributary-load-" + index + "@" + url.host();
        this.keepAliveMethod = options.keepAliveMethod;
    }

    /**
     * Runs the handshake up to a successful PLAY.
     *
     * @param stopping tells whether the run is over (then the handshake is abandoned quietly)
     * @param loop     the receiver loop the session will be adopted by: its UDP sockets are registered there
     *                 before PLAY, so the first packet is stamped when it arrives, not when this thread
     *                 has read the PLAY answer and the loop has adopted the session (null: at adoption)
     * @return true if the session is playing
     */
    boolean handshake(BooleanSupplier stopping, ReceiverLoop loop) {
        state = State.HANDSHAKE;
        this.loop = loop;
        int timeout = (int) (options.rtspTimeoutSeconds * 1000);
        boolean tunnelled = options.transport == TransportMode.HTTP;
        String step = tunnelled ? "TUNNEL" : "CONNECT";
        try {
            connectNanos = System.nanoTime();
            connection = tunnelled ? HttpTunnel.open(url, timeout, USER_AGENT)
                    : RtspConnection.open(url, timeout, USER_AGENT);
            String requestUri = url.requestUri();
            if (options.sendOptions) {
                step = "OPTIONS";
                RtspResponse r = connection.exchange("OPTIONS", requestUri, Map.of(), this, timeout);
                if (!succeeded(r)) {
                    return fail("OPTIONS:" + r.code());
                }
            }
            if (stopping.getAsBoolean()) {
                return abandon();
            }
            step = "DESCRIBE";
            RtspResponse describe = connection.exchange("DESCRIBE", requestUri,
                    Map.of("Accept", "application/sdp"), this, timeout);
            if (!succeeded(describe)) {
                return fail("DESCRIBE:" + describe.code());
            }
            String base = firstNonNull(describe.headers().get("Content-Base"), describe.headers().get("Content-Location"),
                    requestUri);
            SdpDescription sdp = SdpDescription.parse(new String(describe.body(), StandardCharsets.UTF_8));
            if (sdp.tracks().isEmpty()) {
                return fail("sdp-no-tracks");
            }
            step = "SETUP";
            for (int i = 0; i < sdp.tracks().size(); i++) {
                if (stopping.getAsBoolean()) {
                    return abandon();
                }
                if (!setupTrack(sdp.tracks().get(i), base, i, timeout)) {
                    return false;
                }
            }
            aggregateUri = sdp.sessionControl() == null ? base : RtspUrl.resolveControl(base, sdp.sessionControl());
            if (stopping.getAsBoolean()) {
                return abandon();
            }
            step = "PLAY";
            if (loop != null) {
                listenBeforePlay(loop, timeout);
            }
            playSentNanos = System.nanoTime();
            RtspResponse play = connection.exchange("PLAY", aggregateUri, Map.of("Range", "npt=0.000-"), this,
                    timeout);
            if (!succeeded(play)) {
                return fail("PLAY:" + play.code());
            }
            playOkNanos = System.nanoTime();
            state = State.PLAYING;
            return true;
        } catch (SocketTimeoutException e) {
            return fail(step + ":timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(step + ":interrupted");
        } catch (TunnelRefusedException e) {
            return fail("TUNNEL:" + e.status());
        } catch (IOException e) {
            return fail(step + ":io");
        } catch (RuntimeException e) {
            return fail(step + ":" + e.getClass().getSimpleName());
        }
    }

    private boolean setupTrack(SdpTrack sdpTrack, String base, int index, int timeout) throws IOException {
        String control = RtspUrl.resolveControl(base, sdpTrack.control());
        MediaTrack track = new MediaTrack(new TrackReceiver(sdpTrack.media(), sdpTrack.clockRate()), control);
        tracks.add(track);
        String transport;
        if (options.transport == TransportMode.UDP) {
            track.udp = ports.open();
            transport = "RTP/AVP;unicast;client_port=" + track.udp.rtpPort() + "-" + track.udp.rtcpPort();
        } else {
            transport = "RTP/AVP/TCP;unicast;interleaved=" + (2 * index) + "-" + (2 * index + 1);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Transport", transport);
        RtspResponse r = connection.exchange("SETUP", control, headers, this, timeout);
        if (!succeeded(r)) {
            return fail("SETUP:" + r.code());
        }
        String sessionHeader = r.headers().get("Session");
        if (sessionHeader != null && connection.sessionId() == null) {
            Session session;
            try {
                session = Session.parse(sessionHeader);
            } catch (HeaderParseException e) {
                return fail("SETUP:bad Session header");
            }
            connection.setSessionId(session.id());
            double keepAliveSeconds = options.keepAliveSeconds > 0 ? options.keepAliveSeconds
                    : timeoutSeconds(session) / 2.0;
            keepAliveNanos = (long) (keepAliveSeconds * 1e9);
        }
        String transportHeader = r.headers().get("Transport");
        TransportSpec reply;
        try {
            reply = transportHeader == null ? null : Transport.parse(transportHeader).first();
        } catch (HeaderParseException e) {
            return fail("SETUP:bad Transport header");
        }
        if (options.transport == TransportMode.UDP) {
            PortRange serverPorts = reply == null ? null : reply.serverPort();
            if (serverPorts != null) {
                String host = reply.source() != null ? reply.source() : url.host();
                int rtcp = serverPorts.isSingle() ? serverPorts.first() + 1 : serverPorts.last();
                track.serverRtcp = new InetSocketAddress(host, rtcp);
            }
        } else {
            ChannelRange channels = reply == null ? null : reply.interleaved();
            track.rtpChannel = channels != null ? channels.first() : 2 * index;
            track.rtcpChannel = channels == null ? 2 * index + 1
                    : channels.first() == channels.last() ? channels.first() + 1 : channels.last();
        }
        return true;
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    private boolean fail(String reason) {
        if (failure == null) {
            failure = reason;
            errors.add(reason);
        }
        if (state == State.PLAYING || state == State.TEARING_DOWN) {
            endNanos = System.nanoTime();
        }
        state = State.FAILED;
        return false;
    }

    /** The run ended during the handshake: not a failure of the server's. */
    private boolean abandon() {
        fail("abandoned");
        state = State.DONE;
        return false;
    }

    /** Hands the playing session to a loop, or tears it down here if the loop has ended. */
    void startReceiving(ReceiverLoop loop) {
        this.loop = loop;
        if (!loop.adopt(this)) {
            endNanos = System.nanoTime();
            state = State.DONE;
            closeAll();
        }
    }

    private void listenBeforePlay(ReceiverLoop loop, int timeoutMillis) throws InterruptedException {
        if (tracks.stream().anyMatch(t -> t.udp != null)) {
            mediaRegistered = loop.runOnLoop(this::registerMedia, timeoutMillis);
        }
    }

    // ---- from here on, calls come from the receiver loop's thread ----

    private void registerMedia(Selector selector) throws IOException {
        for (MediaTrack t : tracks) {
            if (t.udp != null) {
                t.udp.rtp().register(selector, SelectionKey.OP_READ, new UdpHandler(t.receiver, false));
                t.udp.rtcp().register(selector, SelectionKey.OP_READ, new UdpHandler(t.receiver, true));
            }
        }
    }

    @Override
    public void register(Selector selector, long nowNanos) throws IOException {
        connection.register(selector, new ControlHandler());
        if (!mediaRegistered) {
            registerMedia(selector);
        }
        rrIntervalNanos = (long) (options.rrIntervalSeconds * 1e9);
        nextReport = nowNanos + randomised(rrIntervalNanos);
        if (keepAliveNanos <= 0) {
            keepAliveNanos = (long) (DEFAULT_SESSION_TIMEOUT / 2.0 * 1e9);
        }
        nextKeepAlive = nowNanos + keepAliveNanos;
    }

    private static long randomised(long interval) {
        return (long) (interval * (0.5 + ThreadLocalRandom.current().nextDouble()));
    }

    @Override
    public void onTick(long nowNanos) {
        try {
            if (state == State.PLAYING) {
                if (nowNanos - nextKeepAlive >= 0) {
                    nextKeepAlive = nowNanos + keepAliveNanos;
                    keepAliveCseq = connection.sendAsync(keepAliveMethod, aggregateUri, Map.of());
                }
                if (nowNanos - nextReport >= 0) {
                    nextReport = nowNanos + randomised(rrIntervalNanos);
                    sendReceiverReports(nowNanos);
                }
            } else if (state == State.TEARING_DOWN && nowNanos - teardownDeadline >= 0) {
                errors.add("TEARDOWN:timeout");
                state = State.DONE;
            }
        } catch (IOException e) {
            fail("keepalive:io");
        }
    }

    private void sendReceiverReports(long nowNanos) throws IOException {
        for (MediaTrack t : tracks) {
            ByteBuffer report = t.receiver.nextReceiverReport(nowNanos, cname);
            if (report == null) {
                continue;
            }
            if (t.udp != null) {
                if (t.serverRtcp != null) {
                    t.udp.rtcp().send(report, t.serverRtcp);
                }
            } else if (t.rtcpChannel >= 0) {
                connection.sendInterleaved(t.rtcpChannel, report);
            }
        }
    }

    @Override
    public void beginTeardown(long nowNanos) {
        if (state != State.PLAYING) {
            return;
        }
        endNanos = nowNanos;
        try {
            sendReceiverReports(nowNanos);
            teardownSentNanos = System.nanoTime();
            teardownCseq = connection.sendAsync("TEARDOWN", aggregateUri, Map.of());
            teardownDeadline = nowNanos + TEARDOWN_WAIT_NANOS;
            state = State.TEARING_DOWN;
        } catch (IOException e) {
            errors.add("TEARDOWN:io");
            state = State.DONE;
        }
    }

    @Override
    public boolean finished(long nowNanos) {
        return state == State.DONE || state == State.FAILED;
    }

    @Override
    public void closeAll() {
        if (connection != null) {
            connection.close();
        }
        for (MediaTrack t : tracks) {
            if (t.udp != null) {
                t.udp.close();
            }
        }
    }

    @Override
    public void onResponse(RtspResponse response) {
        int cseq = cseqOf(response);
        if (cseq == teardownCseq && teardownCseq != NOT_SENT) {
            teardownMs = (System.nanoTime() - teardownSentNanos) / 1e6;
            if (!succeeded(response)) {
                errors.add("TEARDOWN:" + response.code());
            }
            state = State.DONE;
        } else if (cseq == keepAliveCseq && keepAliveCseq != NOT_SENT && !succeeded(response)) {
            errors.add(keepAliveMethod + ":" + response.code());
            if (keepAliveMethod.equals("GET_PARAMETER")) {
                keepAliveMethod = "OPTIONS";
            }
        }
    }

    @Override
    public void onInterleaved(int channel, ByteBuffer data, int offset, int length) {
        long now = System.nanoTime();
        for (MediaTrack t : tracks) {
            if (t.rtpChannel == channel) {
                t.receiver.onRtp(data, offset, length, now);
                return;
            }
            if (t.rtcpChannel == channel) {
                t.receiver.onRtcp(data, offset, length, now);
                return;
            }
        }
    }

    /**
     * Reads the RTSP connection: responses and, for TCP and HTTP transport, the media. With HTTP it
     * also serves the tunnel's POST socket, which is only ever registered for writes.
     */
    private final class ControlHandler implements ChannelHandler {
        @Override
        public void onReady(SelectionKey key, long nowNanos, ByteBuffer scratch) throws IOException {
            if (key.isWritable()) {
                connection.onWritable();
            }
            if (key.isReadable() && !connection.onReadable(LoadSession.this)) {
                key.cancel();
                if (state == State.TEARING_DOWN) {
                    state = State.DONE;
                } else if (state == State.PLAYING) {
                    fail("connection-closed");
                }
            }
        }

        @Override
        public void onFailure(IOException error) {
            if (state == State.TEARING_DOWN) {
                state = State.DONE;
            } else if (state == State.PLAYING) {
                fail("connection:io");
            }
        }
    }

    /** Drains one UDP socket (RTP or RTCP) into its track. */
    private final class UdpHandler implements ChannelHandler {
        private final ReceiverLoop.DatagramSink sink;

        UdpHandler(TrackReceiver receiver, boolean rtcp) {
            this.sink = rtcp
                    ? (datagram, length, arrival) -> receiver.onRtcp(datagram, 0, length, arrival)
                    : (datagram, length, arrival) -> receiver.onRtp(datagram, 0, length, arrival);
        }

        @Override
        public void onReady(SelectionKey key, long nowNanos, ByteBuffer scratch) throws IOException {
            loop.readDatagrams((DatagramChannel) key.channel(), scratch, sink);
        }

        @Override
        public void onFailure(IOException error) {
            // A UDP socket error (e.g. ICMP port unreachable) does not end the session.
        }
    }

    // ---- read by the reporter from any thread ----

    State state() {
        return state;
    }

    boolean isPlaying() {
        return state == State.PLAYING;
    }

    /** Earliest RTP arrival on any track, or -1. */
    long firstPacketNanos() {
        long first = -1;
        for (MediaTrack t : tracksSnapshot()) {
            long f = t.receiver.firstPacketNanos();
            if (f >= 0 && (first < 0 || f < first)) {
                first = f;
            }
        }
        return first;
    }

    /** Earliest H.264 key-frame packet on any video track, or -1. */
    long firstKeyFrameNanos() {
        long first = -1;
        for (MediaTrack t : tracksSnapshot()) {
            long f = t.receiver.firstKeyFrameNanos();
            if (f >= 0 && (first < 0 || f < first)) {
                first = f;
            }
        }
        return first;
    }

    private List<MediaTrack> tracksSnapshot() {
        // Tracks are only added during the handshake, before the session is published as playing.
        State s = state;
        return s == State.NEW || s == State.HANDSHAKE ? List.of() : tracks;
    }

    List<TrackStats> trackStats() {
        List<TrackStats> stats = new ArrayList<>();
        for (MediaTrack t : tracksSnapshot()) {
            stats.add(t.receiver.snapshot());
        }
        return stats;
    }

    SessionOutcome outcome(long nowNanos) {
        boolean played = playOkNanos >= 0;
        long end = endNanos >= 0 ? endNanos : nowNanos;
        long first = firstPacketNanos();
        long key = firstKeyFrameNanos();
        return new SessionOutcome(played, failure,
                played ? (playOkNanos - connectNanos) / 1e6 : Double.NaN,
                first >= 0 && playSentNanos >= 0 ? (first - playSentNanos) / 1e6 : Double.NaN,
                key >= 0 && playSentNanos >= 0 ? (key - playSentNanos) / 1e6 : Double.NaN,
                played ? Math.max(0, end - playOkNanos) / 1e9 : 0.0,
                trackStats(), teardownMs);
    }

    String failure() {
        return failure;
    }

    /** Records that a session played but never received a packet. */
    void markNoMedia() {
        if (failure == null && playOkNanos >= 0 && firstPacketNanos() < 0) {
            failure = "no-media";
            errors.add(failure);
        }
    }

    private static boolean succeeded(RtspResponse response) {
        return response.code() >= 200 && response.code() < 300;
    }

    /** The response's CSeq, or -1 when it has none or it is not a number. */
    private static int cseqOf(RtspResponse response) {
        String cseq = response.headers().get("CSeq");
        try {
            return cseq == null ? -1 : Integer.parseInt(cseq.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
