package org.tributary.mp3http;

import org.tributary.engine.Playback;
import org.tributary.media.mp3.Mp3File;
import org.tributary.server.RtspConnection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * One listener's MP3 stream: the response body of an HTTP GET, written by a sender thread of the
 * streaming engine. Frame i leaves at start + (its time − burst), so the first seconds go at once and
 * the rest at the file's own rate. The socket is never waited on: when the client lags (bytes pile up
 * in the connection's queue) the stream pauses, and a client that takes nothing for the stall time is
 * dropped. Ends at the end of the file, when the client goes, or when the server stops.
 */
final class Mp3HttpStream implements Playback {

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
    private final ByteBuffer frames;
    private final ByteBuffer out;
    private final Instant startedAt = Instant.now();
    private final AtomicBoolean ended = new AtomicBoolean();

    private int next;
    private long originNanos = -1;
    private long stalledSinceNanos = -1;
    private volatile long audioBytesSent;
    private volatile int framesSent;
    private volatile String endReason;
    private volatile Instant endedAt;

    /**
     * @param icy   interleaves ICY metadata, or null when the player did not ask for it
     * @param onEnd told once, on whichever thread ends the stream
     */
    Mp3HttpStream(RtspConnection connection, Mp3Library.Track track, IcyInterleaver icy, int burstSeconds,
                  int stallSeconds, Consumer<Mp3HttpStream> onEnd) {
        this.connection = connection;
        this.track = track;
        this.file = track.file();
        this.icy = icy;
        this.burstNanos = TimeUnit.SECONDS.toNanos(burstSeconds);
        this.stallNanos = TimeUnit.SECONDS.toNanos(stallSeconds);
        this.onEnd = onEnd;
        int batch = Math.max(BATCH_BYTES, file.maxFrameSize());
        this.frames = ByteBuffer.allocate(batch);
        this.out = icy == null ? null : ByteBuffer.allocate(icy.maxOutput(batch));
    }

    @Override
    public long pump(long nowNanos) {
        if (ended.get()) {
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
        double playhead = (nowNanos - originNanos + burstNanos) / 1e9;
        frames.clear();
        try {
            while (next < file.frameCount() && file.frameTimeSeconds(next) <= playhead
                    && frames.remaining() >= file.frameSize(next)) {
                file.readFrame(next, frames);
                next++;
            }
        } catch (IOException e) {
            LOG.warning(connection.logPrefix() + "reading " + file.path() + " failed: " + e.getMessage() + "; closing");
            end("read error");
            connection.close();
            return DONE;
        }
        if (frames.position() > 0 && !write()) {
            end("client gone");
            connection.close();
            return DONE;
        }
        if (next >= file.frameCount()) {
            end("end of file");
            connection.closeAfterFlush();
            return DONE;
        }
        return originNanos - burstNanos + Math.round(file.frameTimeSeconds(next) * 1e9);
    }

    private boolean write() {
        frames.flip();
        int audio = frames.remaining();
        int count = countFrames(audio);
        ByteBuffer body = frames;
        if (icy != null) {
            out.clear();
            icy.interleave(frames, out);
            body = out.flip();
        }
        if (!connection.send(body)) {
            return false;
        }
        audioBytesSent += audio;
        framesSent += count;
        return true;
    }

    /** How many frames the batch just read holds (they end at {@code next}). */
    private int countFrames(int bytes) {
        int n = 0;
        for (int i = next - 1; i >= 0 && bytes > 0; i--) {
            bytes -= file.frameSize(i);
            n++;
        }
        return n;
    }

    /** Ends the stream once (any thread); the engine drops it at its next pump. */
    void end(String reason) {
        if (ended.compareAndSet(false, true)) {
            endReason = reason;
            endedAt = Instant.now();
            onEnd.accept(this);
        }
    }

    boolean isEnded() {
        return ended.get();
    }

    RtspConnection connection() {
        return connection;
    }

    Mp3Library.Track track() {
        return track;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant endedAt() {
        return endedAt;
    }

    String endReason() {
        return endReason;
    }

    long audioBytesSent() {
        return audioBytesSent;
    }

    int framesSent() {
        return framesSent;
    }
}
