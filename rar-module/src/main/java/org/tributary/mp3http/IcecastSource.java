package org.tributary.mp3http;

import org.tributary.engine.Playback;
import org.tributary.server.RtspConnection;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * One connected Icecast source client: its request body (read on the selector thread) is cut into frames
 * and appended to its station's live feed. As a playback on the engine it only watches: a source that sends
 * nothing for {@link #SILENCE_SECONDS} is dropped, and one whose connection closed is ended. No thread of
 * its own.
 */
final class IcecastSource implements Playback {

    private static final Logger LOG = Logger.getLogger(IcecastSource.class.getName());
    /** A source silent this long is dropped (Icecast's source-timeout is 10 s too). */
    static final int SILENCE_SECONDS = 10;
    private static final long CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Who publishes what, for the log and the access record. */
    record Origin(String mount, String user, String userAgent, String method) {
    }

    private final RtspConnection connection;
    private final Mp3Station.Feed feed;
    private final Origin origin;
    private final LongSupplier clock;
    private final Consumer<IcecastSource> onEnd;
    private final Mp3FrameSplitter splitter = new Mp3FrameSplitter();
    private final Instant startedAt = Instant.now();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile long lastDataNanos;
    private volatile long bytesReceived;
    private volatile String endReason;
    private volatile Instant endedAt;

    /** @param clock System.nanoTime, or a test's: the same clock the engine pumps with */
    IcecastSource(RtspConnection connection, Mp3Station.Feed feed, Origin origin, LongSupplier clock,
                  Consumer<IcecastSource> onEnd) {
        this.connection = connection;
        this.feed = feed;
        this.origin = origin;
        this.clock = clock;
        this.onEnd = onEnd;
        this.lastDataNanos = clock.getAsLong();
    }

    /** Selector thread: a piece of the body. */
    void received(ByteBuffer bytes) {
        if (ended.get()) {
            bytes.position(bytes.limit());
            return;
        }
        int n = bytes.remaining();
        if (n == 0) {
            return;
        }
        lastDataNanos = clock.getAsLong();
        bytesReceived += n;
        long before = splitter.frames();
        splitter.accept(bytes, feed::append);
        if (splitter.frames() > before) {
            feed.flush();
        }
    }

    @Override
    public long pump(long nowNanos) {
        if (ended.get()) {
            return DONE;
        }
        if (connection.isClosed()) {
            end("source gone");
            return DONE;
        }
        if (nowNanos - lastDataNanos > TimeUnit.SECONDS.toNanos(SILENCE_SECONDS)) {
            LOG.info(connection.logPrefix() + "Icecast source of " + origin.mount() + " sent nothing for "
                    + SILENCE_SECONDS + " s; dropping it");
            end("source silent");
            connection.close();
            return DONE;
        }
        return nowNanos + CHECK_NANOS;
    }

    /** Ends the source once (any thread): its feed leaves the station. */
    void end(String reason) {
        if (ended.compareAndSet(false, true)) {
            endReason = reason;
            endedAt = Instant.now();
            feed.close();
            LOG.info(connection.logPrefix() + "Icecast source of " + origin.mount() + " ended (" + reason + ") after "
                    + bytesReceived + " bytes, " + splitter.frames() + " frames (" + splitter.skippedBytes()
                    + " bytes skipped)");
            onEnd.accept(this);
        }
    }

    /** The ICY StreamTitle listeners see from now on (Icecast's metadata update). */
    void title(String title) {
        feed.title(title);
    }

    RtspConnection connection() {
        return connection;
    }

    Origin origin() {
        return origin;
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

    long bytesReceived() {
        return bytesReceived;
    }

    long frames() {
        return splitter.frames();
    }
}
