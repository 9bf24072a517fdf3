package org.tributary.mp3http;

import org.tributary.engine.Playback;
import org.tributary.media.mp3.Mp3File;
import org.tributary.server.RtspConnection;
import org.tributary.session.TrafficMeter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * One listener's MP3 stream: the response body of an HTTP GET, written by a sender thread of the
 * streaming engine. Frame i leaves at start + (its time − the first frame's time − burst), so the first
 * seconds go at once and the rest at the file's own rate; a Range starts at the frame holding its first
 * byte and stops after its last byte (both frames cut). The socket is never waited on: when the client lags (bytes pile up
 * in the connection's queue) the stream pauses, and a client that takes nothing for the stall time is
 * dropped. Ends at the end of the file, when the client goes, when the server stops, or when an
 * administrator ends it ({@link #stop}: done by the sender thread, between two writes, so the byte count
 * of the access record is exact).
 */
final class Mp3HttpStream implements Playback, HttpListener {

    private static final Logger LOG = Logger.getLogger(Mp3HttpStream.class.getName());
    /** Frames read per pump at most (one socket write). */
    private static final int BATCH_BYTES = 64 * 1024;
    /** Queued bytes above which the client is considered behind and nothing more is queued. */
    static final long HIGH_WATER_BYTES = 256 * 1024;
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final RtspConnection connection;
    private final Mp3Library.Track track;
    private final Mp3File file;
    private final IcyInterleaver icy;
    private final long burstNanos;
    private final long stallNanos;
    private final Consumer<Mp3HttpStream> onEnd;
    private final TrafficMeter meter;
    private final String id;
    private final String path;
    private final String user;
    private final String userAgent;
    private final ByteBuffer frames;
    private final ByteBuffer out;
    private final Instant startedAt = Instant.now();
    private final AtomicBoolean ended = new AtomicBoolean();

    private final Mp3Body body;
    /** The body bytes this response carries: all, or the range asked for. */
    private final ByteRange range;
    /** The file time of the first unit sent: pacing counts from there. */
    private final double startSeconds;
    private int next;
    private long batchStart;
    private long originNanos = -1;
    private long stalledSinceNanos = -1;
    private volatile long audioBytesSent;
    private volatile int framesSent;
    private volatile String endReason;
    private volatile Instant endedAt;
    private volatile String stopRequest;
    private final SendRate rate = new SendRate();

    /** Who listens to what, for the session list. */
    record Listener(String path, String user, String userAgent) {
    }

    /**
     * @param icy      interleaves ICY metadata, or null when the player did not ask for it
     * @param range    the body bytes to send (the whole body, or a Range)
     * @param listener the path requested, the user (null: anonymous) and the User-Agent (may be null)
     * @param meter    counts every body byte in the adapter's traffic
     * @param onEnd    told once, on whichever thread ends the stream
     */
    Mp3HttpStream(RtspConnection connection, Mp3Library.Track track, IcyInterleaver icy, ByteRange range,
                  int burstSeconds, int stallSeconds, Listener listener, TrafficMeter meter,
                  Consumer<Mp3HttpStream> onEnd) {
        this.connection = connection;
        this.id = idOf(connection);
        this.path = listener.path();
        this.user = listener.user();
        this.userAgent = listener.userAgent();
        this.meter = meter;
        this.track = track;
        this.file = track.file();
        this.icy = icy;
        this.body = track.body();
        this.range = range;
        this.next = body.unitAt(range.first());
        this.startSeconds = body.time(next);
        this.burstNanos = TimeUnit.SECONDS.toNanos(burstSeconds);
        this.stallNanos = TimeUnit.SECONDS.toNanos(stallSeconds);
        this.onEnd = onEnd;
        int batch = Math.max(BATCH_BYTES, Math.max(file.maxFrameSize(), file.vbrTagSize()));
        this.frames = ByteBuffer.allocate(batch);
        this.out = icy == null ? null : ByteBuffer.allocate(icy.maxOutput(batch));
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
        if (originNanos < 0) {
            originNanos = nowNanos;
        }
        if (connection.pendingBytes() > HIGH_WATER_BYTES) {
            if (stalledSinceNanos < 0) {
                stalledSinceNanos = nowNanos;
            } else if (nowNanos - stalledSinceNanos > stallNanos) {
                LOG.info(connection.logPrefix() + "MP3 listener took nothing for " + stallNanos / 1_000_000_000L
                        + " s; closing");
                end("client stalled");
                connection.close();
                return DONE;
            }
            return nowNanos + RETRY_NANOS;
        }
        stalledSinceNanos = -1;
        double playhead = startSeconds + (nowNanos - originNanos + burstNanos) / 1e9;
        frames.clear();
        batchStart = body.start(next);
        int units = 0;
        try {
            while (!finished() && body.time(next) <= playhead && frames.remaining() >= body.size(next)) {
                body.read(next, frames);
                next++;
                units++;
            }
        } catch (IOException e) {
            LOG.warning(connection.logPrefix() + "reading " + file.path() + " failed: " + e.getMessage() + "; closing");
            end("read error");
            connection.close();
            return DONE;
        }
        if (frames.position() > 0 && !write(units)) {
            end("client gone");
            connection.close();
            return DONE;
        }
        if (finished()) {
            end(next >= body.endUnit() ? "end of file" : "end of range");
            connection.closeAfterFlush();
            return DONE;
        }
        return originNanos - burstNanos + Math.round((body.time(next) - startSeconds) * 1e9);
    }

    /** Nothing more to send: past the last frame or past the range's last byte. */
    private boolean finished() {
        return next >= body.endUnit() || body.start(next) > range.last();
    }

    /** Writes the batch read, cut to the range (the first and last frames of a range may be partial). */
    private boolean write(int units) {
        frames.flip();
        frames.position((int) Math.max(0, range.first() - batchStart));
        frames.limit((int) Math.min(frames.limit(), range.last() + 1 - batchStart));
        int audio = frames.remaining();
        ByteBuffer outgoing = frames;
        if (icy != null) {
            out.clear();
            icy.interleave(frames, out);
            outgoing = out.flip();
        }
        int wire = outgoing.remaining();
        if (!connection.send(outgoing)) {
            return false;
        }
        meter.sentOverHttp(wire);
        audioBytesSent += audio;
        framesSent += units;
        return true;
    }

    /** Ends the stream once (any thread); the engine drops it at its next pump. */
    @Override
    public void end(String reason) {
        if (ended.compareAndSet(false, true)) {
            endReason = reason;
            endedAt = Instant.now();
            onEnd.accept(this);
        }
    }

    /**
     * Asks the stream to end (an administrator): the sender thread ends it at its next turn, within a
     * frame's time, and closes the connection once what is queued has gone.
     */
    @Override
    public void stop(String reason) {
        stopRequest = reason;
    }

    static String idOf(RtspConnection connection) {
        return HttpListener.idOf(connection);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String userAgent() {
        return userAgent;
    }

    @Override
    public void sampleRate(long nowNanos) {
        rate.sample(audioBytesSent, nowNanos);
    }

    /** Audio bits per second over the last sampling interval (about a second). */
    @Override
    public long bitsPerSecond() {
        return rate.bitsPerSecond();
    }

    boolean isEnded() {
        return ended.get();
    }

    @Override
    public RtspConnection connection() {
        return connection;
    }

    @Override
    public int kbps() {
        return track.file().bitrate() / 1000;
    }

    Mp3Library.Track track() {
        return track;
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    Instant endedAt() {
        return endedAt;
    }

    String endReason() {
        return endReason;
    }

    @Override
    public long audioBytesSent() {
        return audioBytesSent;
    }

    int framesSent() {
        return framesSent;
    }
}
