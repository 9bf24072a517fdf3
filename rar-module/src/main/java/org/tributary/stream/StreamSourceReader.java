package org.tributary.stream;

import org.tributary.source.PacketSink;
import org.tributary.source.SourceReader;

/**
 * A {@link StreamReader} read like a file by a session's player. Presentation time 0 is when the reader
 * opened; a packet is due when it arrived (the join GOP at once). While nothing is queued the next unit
 * is announced a little later, so the player looks again; a player that gave a wake handle
 * ({@link #onReadable}) is woken by the arriving packet instead and looks again only after a long while. Each track's timestamps are rebased so that its
 * first packet carries its presentation time; the session's own timestamp base, SSRC and sequence numbers
 * then replace the writer's.
 */
final class StreamSourceReader implements SourceReader {

    /** How long a reader with nothing queued waits before looking again, when nothing wakes it. */
    static final long IDLE_POLL_MICROS = 10_000;
    /** The same, when the stream wakes the player as packets arrive: only a safety net. */
    static final long WOKEN_IDLE_POLL_MICROS = 1_000_000;

    private final StreamReader reader;
    private final long openedNanos;
    private final int[] clockRates;
    /** Per track: what is subtracted from a writer timestamp, once its first packet is seen. */
    private final long[] shift;
    private final boolean[] started;
    private volatile long idlePollMicros = IDLE_POLL_MICROS;

    StreamSourceReader(StreamReader reader) {
        this.reader = reader;
        this.openedNanos = reader.stream().nowNanos();
        this.clockRates = reader.stream().tracks().stream().mapToInt(t -> t.clockRate()).toArray();
        this.shift = new long[clockRates.length];
        this.started = new boolean[clockRates.length];
    }

    private long nowMicros() {
        return Math.max(0, (reader.stream().nowNanos() - openedNanos) / 1000);
    }

    /** A live stream has one position, now. */
    @Override
    public double seek(double nptSeconds) {
        return nowMicros() / 1_000_000.0;
    }

    @Override
    public long nextSendTimeMicros() {
        if (reader.finished()) {
            return END;
        }
        StreamPacket head = reader.peek();
        if (head == null) {
            return nowMicros() + idlePollMicros;
        }
        return dueMicros(head);
    }

    private long dueMicros(StreamPacket packet) {
        return Math.max(0, (packet.arrivalNanos() - openedNanos) / 1000);
    }

    @Override
    public void emitNext(PacketSink sink) {
        StreamPacket packet = reader.poll();
        if (packet == null) {
            return;
        }
        int track = packet.track();
        if (!started[track]) {
            started[track] = true;
            long presentationTicks = dueMicros(packet) * clockRates[track] / 1_000_000L;
            shift[track] = packet.timestamp() - presentationTicks;
        }
        long rebased = (packet.timestamp() - shift[track]) & 0xFFFFFFFFL;
        sink.packet(track, packet.payloadBuffer(), packet.marker(), rebased, packet.payloadType());
    }

    @Override
    public void onReadable(Runnable wake) {
        reader.onReadable(wake);
        idlePollMicros = WOKEN_IDLE_POLL_MICROS;
    }

    @Override
    public long packetsDropped() {
        return reader.dropped();
    }

    @Override
    public void close() {
        reader.close();
    }
}
