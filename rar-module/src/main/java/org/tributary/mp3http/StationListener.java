package org.tributary.mp3http;

import org.tributary.engine.Playback;
import org.tributary.server.RtspConnection;
import org.tributary.session.TrafficMeter;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * One listener of a station: the response body of an HTTP GET, written by a sender thread of the engine. It
 * starts {@link Mp3Station#BURST_BYTES} behind the live edge at a frame boundary, then sends what the
 * station's feed appends, sleeping (no polling) until the station wakes it. The socket is never waited on:
 * while the client lags the listener pauses, and one that takes nothing for the stall time is dropped. A
 * listener whose position leaves the ring (it fell more than {@link Mp3Station#RING_BYTES} behind) is moved
 * to the live edge, with a log line: a radio listener wants the station now, not what it missed. With ICY
 * metadata the title changes at the byte where the station's title changed.
 */
final class StationListener implements Playback, HttpListener {

    private static final Logger LOG = Logger.getLogger(StationListener.class.getName());
    private static final int BATCH_BYTES = 64 * 1024;
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** When nothing wakes it, a listener still looks at its connection this often. */
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final RtspConnection connection;
    private final Mp3Station station;
    private final StationRing ring;
    private final IcyInterleaver icy;
    private final long stallNanos;
    private final Mp3HttpStream.Listener who;
    private final TrafficMeter meter;
    private final Consumer<StationListener> onEnd;
    private final ByteBuffer batch = ByteBuffer.allocate(BATCH_BYTES);
    private final ByteBuffer out;
    private final Instant startedAt = Instant.now();
    private final AtomicBoolean ended = new AtomicBoolean();

    private long position;
    private String title;
    private long stalledSinceNanos = -1;
    private volatile Runnable wake = () -> { };
    private volatile long audioBytesSent;
    private volatile int catchUps;
    private volatile String stopRequest;
    private volatile String endReason;
    private volatile Instant endedAt;
    private final SendRate rate = new SendRate();

    /**
     * @param metaint ICY metadata interval, or 0 when the player did not ask for metadata
     * @param onEnd   told once, on whichever thread ends the listener
     */
    StationListener(RtspConnection connection, Mp3Station station, int metaint, int stallSeconds,
                    Mp3HttpStream.Listener who, TrafficMeter meter, Consumer<StationListener> onEnd) {
        this.connection = connection;
        this.station = station;
        this.ring = station.ring();
        this.position = ring.joinPosition(Mp3Station.BURST_BYTES);
        this.title = ring.titleAt(position);
        this.icy = metaint > 0 ? new IcyInterleaver(metaint, title == null ? station.headers().name() : title) : null;
        this.out = icy == null ? null : ByteBuffer.allocate(icy.maxOutput(BATCH_BYTES));
        this.stallNanos = TimeUnit.SECONDS.toNanos(stallSeconds);
        this.who = who;
        this.meter = meter;
        this.onEnd = onEnd;
    }

    @Override
    public void wakeWith(Runnable wake) {
        this.wake = wake;
    }

    @Override
    public long pump(long nowNanos) {
        if (ended.get()) {
            return DONE;
        }
        String stop = stopRequest;
        if (stop != null) {
            end(stop);
            connection.closeAfterFlush(); // what is queued still goes out: the record counted it
            return DONE;
        }
        if (connection.isClosed()) {
            end("client gone");
            return DONE;
        }
        if (connection.pendingBytes() > Mp3HttpStream.HIGH_WATER_BYTES) {
            if (stalledSinceNanos < 0) {
                stalledSinceNanos = nowNanos;
            } else if (nowNanos - stalledSinceNanos > stallNanos) {
                LOG.info(connection.logPrefix() + "listener of station " + station.mount() + " took nothing for "
                        + stallNanos / 1_000_000_000L + " s; closing");
                end("client stalled");
                connection.close();
                return DONE;
            }
            return nowNanos + RETRY_NANOS;
        }
        stalledSinceNanos = -1;
        int audio = fill();
        if (audio > 0) {
            ByteBuffer outgoing = icy == null ? batch.flip() : out.flip();
            int wire = outgoing.remaining();
            if (!connection.send(outgoing)) {
                end("client gone");
                connection.close();
                return DONE;
            }
            meter.sentOverHttp(wire);
            audioBytesSent += audio;
        }
        if (position < ring.end()) {
            return nowNanos; // more to send: at once, unless the client lags (checked above)
        }
        station.wakeOnData(wake);
        // A frame may have come between the read and the registration: then go on now.
        return position < ring.end() || station.ended() ? nowNanos : nowNanos + IDLE_NANOS;
    }

    /** Reads from the ring into the batch (and through the interleaver); returns the audio bytes read. */
    private int fill() {
        batch.clear();
        if (out != null) {
            out.clear();
        }
        int audio = 0;
        while (batch.hasRemaining()) {
            if (icy != null) {
                String now = ring.titleAt(position);
                if (now != null && !Objects.equals(now, title)) {
                    icy.title(now);
                    title = now;
                }
            }
            int n = ring.read(position, batch);
            if (n < 0) {
                long behind = ring.end() - position;
                position = ring.joinPosition(Mp3Station.BURST_BYTES);
                catchUps++;
                LOG.info(connection.logPrefix() + "listener of station " + station.mount() + " fell " + behind / 1024
                        + " KiB behind (more than the station keeps); moved to the live edge");
                continue;
            }
            if (n == 0) {
                break;
            }
            if (icy != null) {
                icy.interleave(batch.slice(batch.position() - n, n), out);
            }
            position += n;
            audio += n;
        }
        return audio;
    }

    @Override
    public void end(String reason) {
        if (ended.compareAndSet(false, true)) {
            endReason = reason;
            endedAt = Instant.now();
            station.leave(this);
            onEnd.accept(this);
        }
    }

    @Override
    public void stop(String reason) {
        stopRequest = reason;
        wake.run();
    }

    @Override
    public String id() {
        return HttpListener.idOf(connection);
    }

    @Override
    public String path() {
        return who.path();
    }

    @Override
    public String user() {
        return who.user();
    }

    @Override
    public String userAgent() {
        return who.userAgent();
    }

    @Override
    public RtspConnection connection() {
        return connection;
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public long audioBytesSent() {
        return audioBytesSent;
    }

    @Override
    public void sampleRate(long nowNanos) {
        rate.sample(audioBytesSent, nowNanos);
    }

    @Override
    public long bitsPerSecond() {
        return rate.bitsPerSecond();
    }

    @Override
    public int kbps() {
        return station.kbps();
    }

    Mp3Station station() {
        return station;
    }

    /** How often the listener was moved to the live edge after falling behind the ring. */
    int catchUps() {
        return catchUps;
    }

    Instant endedAt() {
        return endedAt;
    }

    String endReason() {
        return endReason;
    }
}
