package org.tributary.relay;

import org.tributary.api.RelayDefinition;
import org.tributary.catalog.MediaCatalog;
import org.tributary.rtsp.InterleavedFrame;
import org.tributary.rtsp.RtspHeaders;
import org.tributary.rtsp.RtspMessage;
import org.tributary.rtsp.RtspMethod;
import org.tributary.rtsp.RtspParseException;
import org.tributary.rtsp.RtspResponse;
import org.tributary.rtsp.header.Transport;
import org.tributary.rtsp.header.TransportSpec;
import org.tributary.source.SourceTrack;
import org.tributary.stream.AnnouncedPresentation;
import org.tributary.stream.PathRegistry;
import org.tributary.stream.RtpIngest;
import org.tributary.stream.Stream;
import org.tributary.stream.StreamLimits;
import org.tributary.transport.ReceivePortPairs;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * A pull relay: OPTIONS, DESCRIBE (with the relay's credentials when challenged), SETUP of every track (TCP
 * interleaved, or UDP on a pair of the publishers' ports), PLAY; then every RTP packet goes into a {@link Stream}
 * registered at the relay's path, with its key frames marked, while a GET_PARAMETER (OPTIONS where that is not
 * implemented) keeps the session alive every half of its timeout. After a loss the stream stays registered for
 * the grace period, its viewers waiting; a reconnect with the same tracks continues it with a new writer (one
 * timeline), different tracks replace it.
 */
final class PullRelay extends Relay {

    /** How often the reading loop looks up from a quiet socket (keep-alive, no-media check, stop). */
    private static final int POLL_MILLIS = 500;

    private final PathRegistry paths;
    private final ReceivePortPairs udpPorts;
    private volatile Stream stream;
    private volatile String codecs;
    private long lostAtNanos;
    private volatile long lastMediaNanos;
    private final List<ReceivePortPairs.Pair> udpPairs = new ArrayList<>();

    /** @param udpPorts where UDP relays receive (the publishers' port range), or null when UDP is not offered */
    PullRelay(RelayDefinition definition, String canonicalPath, PathRegistry paths, ReceivePortPairs udpPorts,
              RelayTimings timings, BiConsumer<String, Runnable> workStarter, LongSupplier nanoClock, Clock wallClock) {
        super(definition, canonicalPath, timings, workStarter, nanoClock, wallClock);
        this.paths = paths;
        this.udpPorts = udpPorts;
    }

    @Override
    void runConnection() throws IOException, RtspParseException, RelayException {
        RtspLink link = RtspLink.connect(definition.url(), definition.user(), definition.password(),
                timings.connectTimeoutMillis());
        use(link);
        String url = definition.url();
        RtspResponse options = link.request(RtspMethod.OPTIONS, url, new RtspHeaders());
        refusedIf(options.code() == 401 || options.code() == 403, "OPTIONS", options);
        RtspResponse describe = link.request(RtspMethod.DESCRIBE, url, new RtspHeaders().set("Accept", "application/sdp"));
        refusedIf(describe.code() != 200, "DESCRIBE", describe);
        AnnouncedPresentation presentation;
        try {
            presentation = AnnouncedPresentation.parse(new String(describe.body(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new RelayException("the other server's SDP is not usable: " + e.getMessage());
        }
        codecs = presentation.codecs();
        String base = describe.headers().get("Content-Base") != null ? describe.headers().get("Content-Base") : url;
        Stream target = streamFor(presentation);
        boolean tcp = definition.transport().equals("tcp");
        int[] trackOfChannel = new int[256];
        Arrays.fill(trackOfChannel, -1);
        RtpIngest ingest = new RtpIngest(target, presentation.keyFrames());
        for (int track = 0; track < presentation.tracks().size(); track++) {
            String transport = tcp ? "RTP/AVP/TCP;unicast;interleaved=" + (2 * track) + "-" + (2 * track + 1)
                    : udpTransport(link, ingest, track);
            RtspResponse setup = link.request(RtspMethod.SETUP, controlUrl(base, presentation.controls().get(track)),
                    new RtspHeaders().set(Transport.HEADER, transport));
            refusedIf(setup.code() != 200, "SETUP", setup);
            if (tcp) {
                int channel = 2 * track;
                String answered = setup.headers().get(Transport.HEADER);
                if (answered != null) {
                    TransportSpec spec = Transport.parse(answered).first();
                    if (spec.interleaved() != null) {
                        channel = spec.interleaved().first();
                    }
                }
                trackOfChannel[channel & 0xFF] = track;
            }
        }
        lastMediaNanos = nanoClock.getAsLong();
        RtspResponse play = link.request(RtspMethod.PLAY, base, new RtspHeaders().set("Range", "npt=0.000-"),
                null, null, frame -> relay(frame, trackOfChannel, ingest));
        refusedIf(play.code() != 200, "PLAY", play);
        playing();
        receive(link, base, trackOfChannel, ingest);
    }

    /** Reads until the relay is stopped or the source is lost (thrown), keeping the session alive. */
    private void receive(RtspLink link, String base, int[] trackOfChannel, RtpIngest ingest)
            throws IOException, RtspParseException, RelayException {
        link.readTimeout(POLL_MILLIS);
        long keepAliveNanos = TimeUnit.SECONDS.toNanos(Math.max(1, link.sessionTimeoutSeconds() / 2));
        long lastKeepAlive = nanoClock.getAsLong();
        boolean getParameter = true;
        while (wanted()) {
            long now = nanoClock.getAsLong();
            if (now - lastMediaNanos >= timings.noMediaNanos()) {
                throw new RelayException("no media for " + TimeUnit.NANOSECONDS.toSeconds(timings.noMediaNanos()) + " s");
            }
            if (now - lastKeepAlive >= keepAliveNanos) {
                link.send(getParameter ? RtspMethod.GET_PARAMETER : RtspMethod.OPTIONS, base, new RtspHeaders(), null,
                        null);
                lastKeepAlive = now;
            }
            RtspMessage message;
            try {
                message = link.read();
            } catch (SocketTimeoutException quiet) {
                continue;
            }
            if (message instanceof InterleavedFrame frame) {
                relay(frame, trackOfChannel, ingest);
            } else if (message instanceof RtspResponse response && response.code() != 200) {
                if (getParameter && (response.code() == 405 || response.code() == 501)) {
                    getParameter = false; // an old server: OPTIONS keeps it alive instead
                } else {
                    throw new RelayException("the other server ended the session: " + response.code() + " "
                            + response.reason());
                }
            }
        }
        try {
            link.send(RtspMethod.TEARDOWN, base, new RtspHeaders(), null, null);
        } catch (IOException ignored) {
            // stopping anyway
        }
    }

    private void relay(InterleavedFrame frame, int[] trackOfChannel, RtpIngest ingest) {
        int track = trackOfChannel[frame.channel() & 0xFF];
        if (track < 0) {
            return; // RTCP, or a channel nobody set up
        }
        if (ingest.write(track, ByteBuffer.wrap(frame.payload()))) {
            bytes.addAndGet(frame.payload().length);
            lastMediaNanos = nanoClock.getAsLong();
        }
    }

    /** Opens a receive pair for a track; its RTP goes into the ingest (on the receivers' one thread). */
    private String udpTransport(RtspLink link, RtpIngest ingest, int track) throws IOException, RelayException {
        if (udpPorts == null) {
            throw new RelayException("UDP relays are not available on this server; use tcp");
        }
        java.net.InetAddress source = link.remoteAddress();
        ReceivePortPairs.Pair pair = udpPorts.open((datagram, from) -> {
            if (ReceivePortPairs.from(from, source)) {
                int length = datagram.remaining();
                if (ingest.write(track, datagram)) {
                    bytes.addAndGet(length);
                    lastMediaNanos = nanoClock.getAsLong();
                }
            }
        }, (datagram, from) -> { });
        synchronized (udpPairs) {
            udpPairs.add(pair);
        }
        return "RTP/AVP;unicast;client_port=" + pair.rtpPort() + "-" + pair.rtcpPort();
    }

    /**
     * The stream the packets go to: the one kept from before the loss when the tracks are the same (continued by
     * a new writer), else a new one registered at the path.
     *
     * @throws RelayException when another source's stream is live at the path
     */
    private Stream streamFor(AnnouncedPresentation presentation) throws RelayException {
        Stream kept = stream;
        if (kept != null && !kept.ended() && sameTracks(kept.tracks(), presentation.tracks())) {
            kept.continueWithNewWriter();
            return kept;
        }
        if (kept != null) {
            paths.unregister(canonicalPath, kept);
            stream = null;
        }
        Stream fresh = new Stream(definition.name(), presentation.tracks(), StreamLimits.DEFAULT, nanoClock);
        try {
            paths.register(canonicalPath, fresh);
        } catch (IllegalStateException taken) {
            throw new RelayException("a live stream is already served at " + canonicalPath
                    + " (a publisher or another source); the relay does not replace it");
        } catch (MediaCatalog.MalformedPathException | MediaCatalog.MediaForbiddenException e) {
            throw new RelayException("the path " + canonicalPath + " is not usable: " + e.getMessage());
        }
        stream = fresh;
        return fresh;
    }

    /** Same media, payload types, encodings and clock rates: viewers' decoders can go on. */
    private static boolean sameTracks(List<SourceTrack> before, List<SourceTrack> now) {
        if (before.size() != now.size()) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            SourceTrack a = before.get(i);
            SourceTrack b = now.get(i);
            if (!a.media().equals(b.media()) || a.payloadType() != b.payloadType() || a.clockRate() != b.clockRate()
                    || !a.encodingName().equalsIgnoreCase(b.encodingName())) {
                return false;
            }
        }
        return true;
    }

    static String controlUrl(String base, String control) {
        if (control == null || control.equals("*")) {
            return base;
        }
        if (control.regionMatches(true, 0, "rtsp://", 0, 7) || control.regionMatches(true, 0, "rtsps://", 0, 8)) {
            return control;
        }
        return base.endsWith("/") ? base + control : base + "/" + control;
    }

    @Override
    void connectionOver(boolean stopping) {
        synchronized (udpPairs) {
            udpPairs.forEach(pair -> pair.registration().close());
            udpPairs.clear();
        }
        Stream kept = stream;
        if (kept == null) {
            return;
        }
        if (stopping) {
            paths.unregister(canonicalPath, kept);
            stream = null;
        } else {
            lostAtNanos = nanoClock.getAsLong();
        }
    }

    @Override
    void tick(long nowNanos) {
        super.tick(nowNanos);
        Stream kept = stream;
        if (kept != null && state() == RelayState.BACKING_OFF && nowNanos - lostAtNanos >= timings.graceNanos()) {
            // viewers waited the grace period: they are ended, the next connection registers a new stream
            paths.unregister(canonicalPath, kept);
            stream = null;
        }
    }

    /** The stream this relay registered at its path and still writes (or keeps through its grace), or null. */
    Stream stream() {
        return stream;
    }

    /** The stream at the path that has had packets, or null (an on-demand viewer waits for it). */
    Stream flowing() {
        Stream current = stream;
        return current != null && state() == RelayState.PLAYING && current.packetsWritten() > 0 ? current : null;
    }

    @Override
    int viewers() {
        Stream current = stream;
        return current == null ? 0 : current.readerCount();
    }

    String codecs() {
        return codecs;
    }
}
