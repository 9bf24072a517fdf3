package org.tributary.session;

import org.tributary.stream.AnnouncedPresentation;
import org.tributary.stream.RtpIngest;
import org.tributary.stream.Stream;
import org.tributary.transport.UdpEndpoint;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client's publisher session (ANNOUNCE, SETUP mode=record, RECORD): it owns the {@link Stream} served at
 * its path while it lasts and feeds it the RTP packets the client sends (over UDP through
 * {@link #udpListener}, or interleaved), payloads only: every reader numbers them afresh. Ending it ends the
 * stream and its readers (their players send RTCP BYE), at once or, when the publisher was lost, after the
 * grace period in which a reconnecting publisher continues the same stream. Made by {@link Publishers}.
 */
public final class PublisherSession implements Session {

    private static final Logger LOG = Logger.getLogger(PublisherSession.class.getName());

    private final String id;
    private final String path;
    private final PublisherOrigin origin;
    private final Stream stream;
    private final AnnouncedPresentation announced;
    private final LongSupplier clock;
    private final Instant createdAt;
    private final Publishers registry;
    private final RtpIngest ingest;
    private final boolean[] setUp;
    private final List<AutoCloseable> transports = new ArrayList<>();
    private String transportKind = "";
    private volatile long lastHeardNanos;
    private volatile boolean recording;
    private volatile Instant endedAt;
    private volatile String endReason;
    private long sampleBytes;
    private long sampleNanos;
    private volatile long bitsPerSecond;

    PublisherSession(String id, String path, PublisherOrigin origin, Stream stream, AnnouncedPresentation announced,
                     LongSupplier clock, Instant createdAt, Publishers registry) {
        this.id = id;
        this.path = path;
        this.origin = origin;
        this.stream = stream;
        this.announced = announced;
        this.clock = clock;
        this.createdAt = createdAt;
        this.registry = registry;
        this.ingest = new RtpIngest(stream, announced.keyFrames());
        this.setUp = new boolean[stream.tracks().size()];
        this.lastHeardNanos = clock.getAsLong();
        this.sampleNanos = lastHeardNanos;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String presentationPath() {
        return path;
    }

    @Override
    public InetSocketAddress client() {
        return origin.client();
    }

    public PublisherOrigin origin() {
        return origin;
    }

    public Stream stream() {
        return stream;
    }

    public AnnouncedPresentation announced() {
        return announced;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    /** Whether the client may act on this session: the connection that set it up, or its address and user. */
    public boolean belongsTo(Requester requester) {
        if (requester.connection() == origin.owner()) {
            return true;
        }
        return origin.client().getAddress().equals(requester.address())
                && (origin.userName() == null || origin.userName().equals(requester.users().userFor(path)));
    }

    public boolean isBoundTo(Object owner) {
        return origin.owner() == owner;
    }

    /**
     * A track is set up: its packets arrive through {@code transport} (closed when the session ends).
     *
     * @param kind "UDP", "TCP" or "HTTP", for people and the access log
     * @throws IllegalStateException when the track is already set up or the session ended
     */
    public synchronized void trackSetUp(int track, String kind, AutoCloseable transport) {
        if (endReason != null) {
            throw new IllegalStateException("session " + id + " has ended");
        }
        if (setUp[track]) {
            throw new IllegalStateException("track " + (track + 1) + " of session " + id + " is already set up");
        }
        setUp[track] = true;
        transports.add(transport);
        transportKind = transportKind.isEmpty() || transportKind.equals(kind) ? kind : "MIX";
        lastHeardNanos = clock.getAsLong();
    }

    public synchronized boolean isSetUp(int track) {
        return track >= 0 && track < setUp.length && setUp[track];
    }

    public synchronized String transportKind() {
        return transportKind;
    }

    /** RECORD was answered: the publisher is live. */
    public void recording() {
        if (!recording) {
            lastHeardNanos = clock.getAsLong();
            recording = true;
            LOG.info("[session " + id + "] recording " + path + " (" + announced.codecs() + ", " + transportKind() + ")");
        }
    }

    public boolean isRecording() {
        return recording;
    }

    /**
     * A request from the client keeps the session alive until it records; from then on only media does, so
     * that an encoder which stopped sending but still answers keep-alives ends the broadcast.
     */
    public void touch() {
        if (!recording) {
            lastHeardNanos = clock.getAsLong();
        }
    }

    /** Whether nothing was heard from the client for {@code seconds}. */
    boolean silentFor(long nowNanos, int seconds) {
        return nowNanos - lastHeardNanos > seconds * 1_000_000_000L;
    }

    /**
     * One RTP packet of a track from the client (position..limit, not kept): its payload goes to the
     * stream. A malformed packet is counted and ignored; a gap in sequence numbers is counted as lost.
     */
    public synchronized void rtpReceived(int track, ByteBuffer packet) {
        if (endReason != null) {
            return;
        }
        registry.meter().received(packet.remaining());
        if (ingest.write(track, packet)) {
            lastHeardNanos = clock.getAsLong();
        }
    }

    /** What the UDP endpoint calls with the packets of one track from the client's RTP port. */
    public UdpEndpoint.RtpListener udpListener(int track) {
        return (packet, from) -> rtpReceived(track, packet);
    }

    /** Once a second: the incoming rate over the last interval. */
    synchronized void sampleRate(long nowNanos) {
        long elapsed = nowNanos - sampleNanos;
        if (elapsed >= 500_000_000L) {
            bitsPerSecond = (ingest.bytes() - sampleBytes) * 8_000_000_000L / elapsed;
            sampleBytes = ingest.bytes();
            sampleNanos = nowNanos;
        }
    }

    /** The incoming rate sampled last, in bits per second. */
    public long bitsPerSecond() {
        return bitsPerSecond;
    }

    public synchronized long packetsReceived() {
        return ingest.packets();
    }

    public synchronized long bytesReceived() {
        return ingest.bytes();
    }

    /** Packets the client sent that never arrived (gaps in sequence numbers). */
    public synchronized long packetsLost() {
        return ingest.lost();
    }

    public synchronized long packetsMalformed() {
        return ingest.malformed();
    }

    public String endReason() {
        return endReason;
    }

    /** Ends the broadcast on purpose (TEARDOWN, an administrator, a takeover, shutdown): viewers are ended at once. */
    @Override
    public void close(String reason) {
        end(reason, false);
    }

    /** The server ends the broadcast (an operator, a takeover): as {@link #close}, and the encoder is disconnected. */
    public void evict(String reason) {
        close(reason);
        origin.disconnect().run();
    }

    /**
     * The publisher went away without a TEARDOWN (its connection closed, its media stopped): its viewers wait
     * for the grace period in case it comes back.
     */
    void lost(String reason) {
        end(reason, true);
    }

    private void end(String reason, boolean mayResume) {
        List<AutoCloseable> opened;
        synchronized (this) {
            if (endReason != null) {
                return;
            }
            endReason = reason;
            endedAt = Instant.now(registry.wallClock());
            opened = List.copyOf(transports);
        }
        for (AutoCloseable transport : opened) {
            try {
                transport.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing a transport of session " + id, e);
            }
        }
        LOG.info("[session " + id + "] stopped publishing " + path + " (" + reason + "): " + packetsReceived()
                + " packets, " + packetsLost() + " lost, " + packetsMalformed() + " malformed");
        registry.ended(this, mayResume);
    }
}
