package org.tributary.stream;

import org.tributary.source.PacketSink;
import org.tributary.source.SourceTrack;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.LongSupplier;

/**
 * One source read once and shared: its tracks (what the SDP says), a ring of recent packets per track,
 * the packets since the last key frame, and the readers it fans out to. One writer (a publisher session,
 * a relay, a playlist) calls {@link #write}; the writer never waits for a reader.
 */
public final class Stream implements PacketSink {

    private final String name;
    private final List<SourceTrack> tracks;
    private final StreamLimits limits;
    private final LongSupplier clock;
    private final PacketRing[] rings;
    private final Set<StreamReader> readers = new CopyOnWriteArraySet<>();
    /** Packets of every track, in write order, since the last key frame; empty while none is known. */
    private final List<StreamPacket> gop = new ArrayList<>();
    private long gopBytes;
    private boolean gopOverflowed;
    private long packetsWritten;
    private volatile boolean ended;
    /** Per track: what is added to a writer's timestamps, so that a new writer continues the timeline. */
    private final long[] timestampOffset;
    private final long[] lastTimestamp;
    private final long[] lastArrivalNanos;
    private final boolean[] rebase;
    private final boolean[] written;

    /**
     * @param clock System::nanoTime, or a test clock; stamps each packet's arrival
     */
    public Stream(String name, List<SourceTrack> tracks, StreamLimits limits, LongSupplier clock) {
        this.name = name;
        this.tracks = List.copyOf(tracks);
        this.limits = limits;
        this.clock = clock;
        this.rings = new PacketRing[this.tracks.size()];
        for (int i = 0; i < rings.length; i++) {
            rings[i] = new PacketRing(limits.ringPackets());
        }
        this.timestampOffset = new long[rings.length];
        this.lastTimestamp = new long[rings.length];
        this.lastArrivalNanos = new long[rings.length];
        this.rebase = new boolean[rings.length];
        this.written = new boolean[rings.length];
    }

    /**
     * Another writer takes over (a publisher reconnected): its timestamps start wherever its clock is, so each
     * track's next packet is moved to follow the last one by the time that passed, and viewers see one
     * continuous timeline. The cached GOP is the old writer's and is dropped.
     */
    public synchronized void continueWithNewWriter() {
        for (int track = 0; track < rebase.length; track++) {
            rebase[track] = written[track];
        }
        gop.clear();
        gopBytes = 0;
        gopOverflowed = false;
    }

    public String name() {
        return name;
    }

    public List<SourceTrack> tracks() {
        return tracks;
    }

    long nowNanos() {
        return clock.getAsLong();
    }

    /**
     * Writes one payload: kept in its track's ring (and in the GOP), queued for every reader.
     *
     * @param keyFrame the packet starts a key frame: the GOP a joining reader gets starts over here
     */
    public void write(int track, ByteBuffer payload, boolean marker, long timestamp, int payloadType,
                      boolean keyFrame) {
        if (track < 0 || track >= rings.length) {
            throw new IllegalArgumentException("no track " + track + " in stream " + name);
        }
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        long now = clock.getAsLong();
        synchronized (this) {
            if (ended) {
                return;
            }
            if (rebase[track]) {
                rebase[track] = false;
                long elapsedTicks = (now - lastArrivalNanos[track]) / 1000 * tracks.get(track).clockRate() / 1_000_000;
                timestampOffset[track] = lastTimestamp[track] + Math.max(1, elapsedTicks) - timestamp;
            }
            long continued = (timestamp + timestampOffset[track]) & 0xFFFFFFFFL;
            lastTimestamp[track] = continued;
            lastArrivalNanos[track] = now;
            written[track] = true;
            StreamPacket packet = new StreamPacket(track, bytes, marker, continued, payloadType, keyFrame, now);
            rings[track].add(packet);
            keepInGop(packet);
            packetsWritten++;
            for (StreamReader reader : readers) {
                reader.offer(packet);
            }
        }
    }

    /** A writer that does not know key frames (a payload-agnostic relay, a source reader): no GOP kept. */
    @Override
    public void packet(int track, ByteBuffer payload, boolean marker, long timestamp, int payloadType) {
        write(track, payload, marker, timestamp, payloadType, false);
    }

    private void keepInGop(StreamPacket packet) {
        if (packet.keyFrame()) {
            gop.clear();
            gopBytes = 0;
            gopOverflowed = false;
        } else if (gop.isEmpty() || gopOverflowed) {
            return; // no key frame seen since the start or since the GOP grew too long
        }
        if (gop.size() >= limits.gopPackets() || gopBytes + packet.payload().length > limits.gopBytes()) {
            gop.clear();
            gopBytes = 0;
            gopOverflowed = true;
            return;
        }
        gop.add(packet);
        gopBytes += packet.payload().length;
    }

    /** A new reader, which gets the current GOP first and then every packet written from now on. */
    public synchronized StreamReader openReader() {
        StreamReader reader = new StreamReader(this, limits.readerPackets(), List.copyOf(gop));
        if (ended) {
            reader.end();
        } else {
            readers.add(reader);
        }
        return reader;
    }

    void leave(StreamReader reader) {
        readers.remove(reader);
    }

    /** The recent packets of one track, oldest first (at most the ring size). */
    public synchronized List<StreamPacket> recent(int track) {
        return rings[track].snapshot();
    }

    /** The packets a reader joining now gets first. */
    public synchronized List<StreamPacket> gop() {
        return List.copyOf(gop);
    }

    public int readerCount() {
        return readers.size();
    }

    public synchronized long packetsWritten() {
        return packetsWritten;
    }

    /** The source stopped: readers drain what they have and finish; later writes are ignored. */
    public synchronized void end() {
        ended = true;
        for (StreamReader reader : readers) {
            reader.end();
        }
        readers.clear();
    }

    public boolean ended() {
        return ended;
    }
}
