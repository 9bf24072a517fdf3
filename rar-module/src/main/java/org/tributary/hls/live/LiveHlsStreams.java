package org.tributary.hls.live;

import org.tributary.api.HlsReply;
import org.tributary.catalog.CanonicalPath;
import org.tributary.catalog.MediaCatalog;
import org.tributary.engine.PlaybackScheduler;
import org.tributary.hls.LiveHls;
import org.tributary.source.SourceTrack;
import org.tributary.source.UnsupportedMediaException;
import org.tributary.stream.PathRegistry;
import org.tributary.stream.Stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * HLS of the live streams: one packager per stream that viewers ask for, started by the first request (which also
 * starts an on-demand source: an {@code .sdp} file's reflection, a local broadcaster), shared by every viewer, and
 * stopped once no viewer asked for {@link #IDLE_SECONDS}. A path with no stream is left to the files.
 */
public final class LiveHlsStreams implements LiveHls {

    private static final Logger LOG = Logger.getLogger(LiveHlsStreams.class.getName());
    /** A packager stops after this long without a request. */
    public static final int IDLE_SECONDS = 30;
    /** The most streams packaged at once; a request for one more is refused (503). */
    public static final int MAX_PACKAGERS = 256;
    /** The longest a Low-Latency HLS part lasts where the stream's frame order allows a cut (PART-TARGET). */
    public static final double PART_SECONDS = 0.5;
    /** How long the first requests wait for the first segment before a 503. */
    static final long FIRST_SEGMENT_WAIT_SECONDS = 15;
    /** Segment numbers count from here, in seconds, so that a restarted packager never reuses a name. */
    private static final long SEQUENCE_EPOCH_SECONDS = 1_700_000_000L;

    private final PathRegistry paths;
    private final PlaybackScheduler engine;
    private final LongSupplier nanos;
    private final Map<String, LiveHlsStream> packagers = new ConcurrentHashMap<>();
    private volatile int targetSeconds;
    private volatile int windowSegments;

    /**
     * @param targetSeconds  segments are cut at the first key frame after this long
     * @param windowSegments the latest segments a playlist lists
     */
    public LiveHlsStreams(PathRegistry paths, PlaybackScheduler engine, int targetSeconds, int windowSegments,
                          LongSupplier nanos) {
        this.paths = paths;
        this.engine = engine;
        this.targetSeconds = targetSeconds;
        this.windowSegments = windowSegments;
        this.nanos = nanos;
    }

    /** The target duration of the streams packaged from now on (running packagers keep theirs). */
    public void targetDuration(int seconds) {
        targetSeconds = seconds;
    }

    /** The playlist window of the streams packaged from now on. */
    public void windowSegments(int segments) {
        windowSegments = segments;
    }

    /** Streams being packaged now. */
    public int packaging() {
        return packagers.size();
    }

    @Override
    public HlsReply resource(CanonicalPath canonical, String name, String query) {
        Stream stream;
        try {
            stream = stream(canonical);
        } catch (UnsupportedMediaException e) {
            return HlsReply.refused(415, e.getMessage());
        }
        String path = canonical.path();
        LiveHlsStream packager = packagers.get(path);
        if (stream == null) { // no stream now: an ended one's final playlist and segments, while they are asked for
            return packager != null && packager.ended() && !packager.stopped()
                    ? packager.resource(name, query, 0) : null;
        }
        if (packager == null || packager.stream() != stream || packager.stopped()) {
            try {
                packager = start(path, stream);
            } catch (IllegalArgumentException e) {
                return HlsReply.refused(415, "the live stream " + path + " cannot be played as HLS: " + e.getMessage());
            } catch (IllegalStateException e) {
                return HlsReply.refused(503, e.getMessage());
            }
        }
        return packager.resource(name, query, FIRST_SEGMENT_WAIT_SECONDS * 1_000_000_000L);
    }

    /** The stream at the path, started if a source starts on demand there; null for a file's path. */
    private Stream stream(CanonicalPath canonical) throws UnsupportedMediaException {
        Stream stream = paths.streamAt(canonical.path());
        if (stream != null || canonical.exists() && !canonical.path().endsWith(".sdp")) {
            return stream;
        }
        try {
            return paths.resolve(canonical) instanceof PathRegistry.StreamEntry live ? live.stream() : null;
        } catch (MediaCatalog.MediaNotFoundException | MediaCatalog.MediaForbiddenException e) {
            return null; // the file side answers 404 or 403 with its own message
        }
    }

    private synchronized LiveHlsStream start(String path, Stream stream) {
        LiveHlsStream running = packagers.get(path);
        if (running != null && running.stream() == stream && !running.stopped()) {
            return running;
        }
        if (running != null) {
            running.stop();
        }
        if (packagers.size() >= MAX_PACKAGERS) {
            throw new IllegalStateException("HLS is packaging " + MAX_PACKAGERS + " live streams, the most it may: "
                    + path + " cannot be played as HLS now");
        }
        List<LiveTrack> tracks = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (SourceTrack t : stream.tracks()) {
            try {
                tracks.add(LiveTrack.of(t, tracks.size() + 1));
            } catch (IllegalArgumentException e) {
                refused.add(e.getMessage());
            }
        }
        if (tracks.isEmpty()) {
            throw new IllegalArgumentException(refused.isEmpty() ? "it has no tracks" : String.join("; ", refused));
        }
        if (!refused.isEmpty()) {
            LOG.info("HLS of " + path + " leaves out: " + String.join("; ", refused));
        }
        long nowMillis = System.currentTimeMillis();
        LiveHlsStream[] self = new LiveHlsStream[1];
        LiveHlsStream packager = new LiveHlsStream(path, stream, tracks, targetSeconds, PART_SECONDS, windowSegments,
                IDLE_SECONDS * 1_000_000_000L, nowMillis / 1000 - SEQUENCE_EPOCH_SECONDS, nanos, () -> packagers.remove(path, self[0]));
        self[0] = packager;
        packagers.put(path, packager);
        engine.schedule(packager);
        LOG.fine("HLS packaging of " + path + " started");
        return packager;
    }
}
