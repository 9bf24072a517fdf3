package org.tributary.relay;

import org.tributary.api.RelayDefinition;
import org.tributary.rtp.RtpPacketWriter;
import org.tributary.rtsp.RtspHeaders;
import org.tributary.rtsp.RtspMessage;
import org.tributary.rtsp.RtspMethod;
import org.tributary.rtsp.RtspParseException;
import org.tributary.rtsp.RtspResponse;
import org.tributary.rtsp.header.Transport;
import org.tributary.rtsp.header.TransportSpec;
import org.tributary.stream.PathRegistry;
import org.tributary.stream.Stream;
import org.tributary.stream.StreamPacket;
import org.tributary.stream.StreamReader;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * A push relay: waits for a live stream at its path on this server, then ANNOUNCEs the stream's SDP to the other
 * server, SETs UP each track with mode=record (TCP interleaved), RECORDs and sends every packet a
 * {@link StreamReader} of the stream gets, numbered afresh under its own SSRC, until the stream ends (then it waits
 * again) or the other server drops it (then it reconnects after the backoff). Reads what the other server sends
 * between packets (RTCP, answers to its OPTIONS keep-alives), so that neither side's buffers fill.
 */
final class PushRelay extends Relay {

    /** How often a waiting relay looks for a stream at its path. */
    private static final long WAIT_POLL_MILLIS = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PathRegistry paths;
    private volatile String codecs;

    PushRelay(RelayDefinition definition, String canonicalPath, PathRegistry paths, RelayTimings timings,
              BiConsumer<String, Runnable> workStarter, LongSupplier nanoClock, Clock wallClock) {
        super(definition, canonicalPath, timings, workStarter, nanoClock, wallClock);
        this.paths = paths;
    }

    @Override
    void runConnection() throws IOException, RtspParseException, RelayException {
        Stream stream = awaitStream();
        if (stream == null) {
            return; // stopped while waiting
        }
        state(RelayState.CONNECTING);
        codecs = String.join(", ", stream.tracks().stream().map(t -> t.codec()).toList());
        RtspLink link = RtspLink.connect(definition.url(), definition.user(), definition.password(),
                timings.connectTimeoutMillis());
        use(link);
        String url = definition.url();
        byte[] sdp = PushedSdp.of(definition.name(), stream.tracks()).getBytes(StandardCharsets.UTF_8);
        RtspResponse announce = link.request(RtspMethod.ANNOUNCE, url, new RtspHeaders(), "application/sdp", sdp,
                frame -> { });
        refusedIf(announce.code() != 200, "ANNOUNCE", announce);
        int tracks = stream.tracks().size();
        int[] channelOfTrack = new int[tracks];
        for (int track = 0; track < tracks; track++) {
            RtspResponse setup = link.request(RtspMethod.SETUP,
                    PullRelay.controlUrl(url, stream.tracks().get(track).control()), new RtspHeaders().set(
                            Transport.HEADER, "RTP/AVP/TCP;unicast;interleaved=" + (2 * track) + "-" + (2 * track + 1)
                                    + ";mode=record"));
            refusedIf(setup.code() != 200, "SETUP", setup);
            channelOfTrack[track] = 2 * track;
            String answered = setup.headers().get(Transport.HEADER);
            if (answered != null) {
                TransportSpec spec = Transport.parse(answered).first();
                if (spec.interleaved() != null) {
                    channelOfTrack[track] = spec.interleaved().first();
                }
            }
        }
        try (StreamReader reader = stream.openReader()) {
            Object readable = new Object();
            reader.onReadable(() -> {
                synchronized (readable) {
                    readable.notifyAll();
                }
            });
            RtspResponse record = link.request(RtspMethod.RECORD, url, new RtspHeaders().set("Range", "npt=0.000-"));
            refusedIf(record.code() != 200, "RECORD", record);
            playing();
            send(link, url, reader, readable, channelOfTrack);
        }
    }

    /** The live stream at the path, waited for in state "waiting"; null when the relay was stopped meanwhile. */
    private Stream awaitStream() {
        while (wanted()) {
            Stream stream = paths.streamAt(canonicalPath);
            if (stream != null && !stream.ended()) {
                return stream;
            }
            state(RelayState.WAITING);
            synchronized (this) {
                try {
                    wait(WAIT_POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
        return null;
    }

    private void send(RtspLink link, String url, StreamReader reader, Object readable, int[] channelOfTrack)
            throws IOException, RtspParseException, RelayException {
        RtpPacketWriter[] writers = new RtpPacketWriter[channelOfTrack.length];
        long ssrc = RANDOM.nextInt() & 0xFFFFFFFFL;
        for (int track = 0; track < writers.length; track++) {
            writers[track] = new RtpPacketWriter(reader.stream().tracks().get(track).payloadType(), ssrc + track,
                    RANDOM.nextInt(0x10000));
        }
        long keepAliveNanos = TimeUnit.SECONDS.toNanos(Math.max(1, link.sessionTimeoutSeconds() / 2));
        long lastKeepAlive = nanoClock.getAsLong();
        ByteBuffer packet = ByteBuffer.allocate(RtpPacketWriter.HEADER_SIZE + 65_535);
        link.readTimeout(100); // a message cut in two by TCP waits no longer than this between packets
        while (wanted()) {
            StreamPacket next = reader.poll();
            if (next == null) {
                if (reader.finished()) {
                    return; // the stream ended: wait for the next one at the path
                }
                link.flush();
                answers(link);
                long now = nanoClock.getAsLong();
                if (now - lastKeepAlive >= keepAliveNanos) {
                    link.send(RtspMethod.OPTIONS, url, new RtspHeaders(), null, null);
                    lastKeepAlive = now;
                }
                synchronized (readable) {
                    if (reader.peek() == null && !reader.finished()) {
                        try {
                            readable.wait(WAIT_POLL_MILLIS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
                continue;
            }
            packet.clear();
            int length = writers[next.track()].write(packet, next.payloadBuffer(), next.marker(), next.timestamp());
            byte[] rtp = new byte[length];
            packet.flip().get(rtp);
            link.writeFrame(channelOfTrack[next.track()], rtp);
            bytes.addAndGet(length);
        }
        link.flush();
        try {
            link.send(RtspMethod.TEARDOWN, url, new RtspHeaders(), null, null);
        } catch (IOException ignored) {
            // stopping anyway
        }
    }

    /** Reads what the other server sent (RTCP, keep-alive answers); a refusal among them ends the connection. */
    private void answers(RtspLink link) throws IOException, RtspParseException, RelayException {
        while (link.readable()) {
            RtspMessage message;
            try {
                message = link.read();
            } catch (SocketTimeoutException partial) {
                return; // the rest of the message comes later; the decoder keeps what it has
            }
            if (message instanceof RtspResponse response && response.code() != 200) {
                throw new RelayException("the other server ended the session: " + response.code() + " "
                        + response.reason());
            }
        }
    }

    @Override
    void connectionOver(boolean stopping) {
        // a push relay holds nothing on this server but its reader, closed with the connection
    }

    @Override
    int viewers() {
        return 0;
    }

    String codecs() {
        return codecs;
    }
}
