package org.tributary.session;

import org.tributary.catalog.MediaCatalog.MalformedPathException;
import org.tributary.catalog.MediaCatalog.MediaForbiddenException;
import org.tributary.rtp.MalformedPacketException;
import org.tributary.rtp.RtpHeader;
import org.tributary.source.SourceTrack;
import org.tributary.stream.KeyFrames;
import org.tributary.stream.PathRegistry;
import org.tributary.stream.Stream;
import org.tributary.stream.StreamLimits;
import org.tributary.transport.UdpEndpoint;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * One client's publisher session (RECORD): it owns the {@link Stream} served at its path while it lasts
 * and feeds it the RTP packets the client sends (over UDP through {@link #udpListener}, or interleaved),
 * payloads only: every reader numbers them afresh. Ending it unregisters the stream, which ends its readers.
 */
public final class PublisherSession implements Session {

    private static final Logger LOG = Logger.getLogger(PublisherSession.class.getName());

    private final String id;
    private final String path;
    private final InetSocketAddress client;
    private final Stream stream;
    private final PathRegistry paths;
    private final KeyFrames keyFrames;
    private final int[] lastSequence;
    private long packetsReceived;
    private long packetsLost;
    private long packetsMalformed;
    private volatile String endReason;

    private PublisherSession(String id, String path, InetSocketAddress client, Stream stream, PathRegistry paths,
                             KeyFrames keyFrames) {
        this.id = id;
        this.path = path;
        this.client = client;
        this.stream = stream;
        this.paths = paths;
        this.keyFrames = keyFrames;
        this.lastSequence = new int[stream.tracks().size()];
        Arrays.fill(lastSequence, -1);
    }

    /**
     * Starts serving a new stream at a path, fed by this session.
     *
     * @param tracks    the tracks the client announced
     * @param keyFrames tells key frames in the client's payloads, so that joining readers start with a GOP
     * @throws IllegalStateException when a stream is already published at the path
     */
    public static PublisherSession publish(String id, String requestPath, List<SourceTrack> tracks,
                                           InetSocketAddress client, PathRegistry paths, KeyFrames keyFrames,
                                           StreamLimits limits, LongSupplier clock)
            throws MalformedPathException, MediaForbiddenException {
        Stream stream = new Stream(requestPath, tracks, limits, clock);
        String path = paths.register(requestPath, stream);
        LOG.info("[session " + id + "] publishing " + path + " from " + client.getAddress().getHostAddress());
        return new PublisherSession(Objects.requireNonNull(id), path, client, stream, paths, keyFrames);
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
        return client;
    }

    public Stream stream() {
        return stream;
    }

    /**
     * One RTP packet of a track from the client (position..limit, not kept): its payload goes to the
     * stream. A malformed packet is counted and ignored; a gap in sequence numbers is counted as lost.
     */
    public synchronized void rtpReceived(int track, ByteBuffer packet) {
        if (endReason != null || track < 0 || track >= lastSequence.length) {
            return;
        }
        RtpHeader header;
        try {
            header = RtpHeader.parse(packet);
        } catch (MalformedPacketException e) {
            packetsMalformed++;
            return;
        }
        int sequence = header.sequenceNumber();
        if (lastSequence[track] >= 0) {
            int gap = (sequence - lastSequence[track] - 1) & 0xFFFF;
            if (gap < 0x8000) {
                packetsLost += gap;
            }
        }
        lastSequence[track] = sequence;
        packetsReceived++;
        ByteBuffer payload = packet.duplicate();
        payload.limit(header.payloadOffset() + header.payloadLength()).position(header.payloadOffset());
        boolean keyFrame = keyFrames.startsKeyFrame(track, payload.duplicate());
        stream.write(track, payload, header.marker(), header.timestamp(), header.payloadType(), keyFrame);
    }

    /** What the UDP endpoint calls with the packets of one track from the client's RTP port. */
    public UdpEndpoint.RtpListener udpListener(int track) {
        return (packet, from) -> rtpReceived(track, packet);
    }

    public synchronized long packetsReceived() {
        return packetsReceived;
    }

    /** Packets the client sent that never arrived (gaps in sequence numbers). */
    public synchronized long packetsLost() {
        return packetsLost;
    }

    public synchronized long packetsMalformed() {
        return packetsMalformed;
    }

    public String endReason() {
        return endReason;
    }

    @Override
    public void close(String reason) {
        synchronized (this) {
            if (endReason != null) {
                return;
            }
            endReason = reason;
        }
        paths.unregister(path, stream);
        LOG.info("[session " + id + "] stopped publishing " + path + " (" + reason + "): " + packetsReceived()
                + " packets, " + packetsLost() + " lost");
    }
}
