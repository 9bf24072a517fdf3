package org.tributary.session;

import org.tributary.api.event.DeliveryCounts;

import org.tributary.engine.PlaybackScheduler;
import org.tributary.source.MediaSource;
import org.tributary.source.SourceReader;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client's reader session (PLAY): the presentation it set up, one {@link TrackOutput} per set-up track,
 * its state and its current playback. Methods are called by RTSP worker threads and, for the end of the
 * presentation, by a sender thread; all state changes happen under this object's lock.
 */
public final class RtspSession implements Session {

    private static final Logger LOG = Logger.getLogger(RtspSession.class.getName());

    /** What a PLAY answered: the range actually played and, per track, where RTP numbering stands. */
    public record PlayStart(double startSeconds, double endSeconds, List<TrackStart> tracks) {
    }

    /** RTP-Info values of one track. */
    public record TrackStart(int trackIndex, int sequence, long rtpTime) {
    }

    private final String id;
    private final String presentationPath;
    private final MediaSource source;
    private final InetSocketAddress client;
    private final String userAgent;
    private final String userName;
    private final int timeoutSeconds;
    private final Instant createdAt;
    private final long createdNanos;
    private final TrackOutput[] outputs;
    private final SessionRegistry registry;
    private final String logPrefix;

    private SessionState state = SessionState.READY;
    private SourceReader reader;
    private SessionPlayer player;
    private PlayStart lastPlay;
    private long firstPlayNanos = -1;
    /** After the first PLAY: where the last run's wire timestamps got to, which instant-on may put ahead of now. */
    private long sentThroughWallMicros;
    private long runWallOffsetMicros;
    private volatile long lastActivityNanos;
    private volatile String endReason;
    private volatile Instant endedAt;
    private Object owner;
    /** The control connection that set the session up (for a tunnel, its GET connection). */
    private final Object controlConnection;
    /** For the access log: the URI of the SETUP that created the session, the server address it reached. */
    private volatile String requestUri;
    private volatile InetSocketAddress serverAddress;
    /** For the access log: the last status a request of this session was answered with (Darwin's c-status). */
    private volatile int lastStatus = 200;
    /** Outgoing rate over the last sampling interval, and the counters it was computed from. */
    private volatile long bitsPerSecond;
    private long rateBytes;
    private long rateNanos;

    RtspSession(String id, String presentationPath, MediaSource source, InetSocketAddress client, String userAgent,
                String userName, int timeoutSeconds, SessionRegistry registry, Object controlConnection) {
        this.id = id;
        this.presentationPath = presentationPath;
        this.source = source;
        this.client = client;
        this.userAgent = userAgent;
        this.userName = userName;
        this.timeoutSeconds = timeoutSeconds;
        this.registry = registry;
        this.createdAt = registry.wallClock().instant();
        this.createdNanos = registry.nanoTime();
        this.lastActivityNanos = createdNanos;
        this.rateNanos = createdNanos;
        this.controlConnection = Objects.requireNonNull(controlConnection);
        this.outputs = new TrackOutput[source.tracks().size()];
        this.logPrefix = "[session " + id + "] ";
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String presentationPath() {
        return presentationPath;
    }

    public MediaSource source() {
        return source;
    }

    @Override
    public InetSocketAddress client() {
        return client;
    }

    public String userAgent() {
        return userAgent;
    }

    /** The user the client authenticated as when it set the session up, or null. */
    public String userName() {
        return userName;
    }

    /** Housekeeping thread only: recomputes the recent rate from the bytes sent since the last call. */
    void sampleRate(long nowNanos) {
        long bytes = bytesSent();
        long elapsed = nowNanos - rateNanos;
        if (elapsed > 0) {
            bitsPerSecond = Math.max(0, Math.round((bytes - rateBytes) * 8e9 / elapsed));
        }
        rateBytes = bytes;
        rateNanos = nowNanos;
    }

    public long bitsPerSecond() {
        return bitsPerSecond;
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String logPrefix() {
        return logPrefix;
    }

    public synchronized SessionState state() {
        return state;
    }

    /** The connection (or other object) whose end also ends this session, e.g. for interleaved transport. */
    public synchronized void bindTo(Object owner) {
        this.owner = owner;
    }

    public synchronized boolean isBoundTo(Object candidate) {
        return owner != null && owner == candidate;
    }

    /**
     * Whether a request may act on this session: it came on the connection that set the session up, or
     * from the same client address with the same authenticated user (a tunnel client sends every request
     * on a new POST connection; a client may reconnect). Knowing the session id is not enough.
     */
    public boolean belongsTo(Requester requester) {
        if (requester.connection() == controlConnection) {
            return true;
        }
        if (!client.getAddress().equals(requester.address())) {
            return false;
        }
        return userName == null || userName.equals(requester.users().userFor(presentationPath));
    }

    /** Any request or receiver report keeps the session alive. */
    public void touch() {
        lastActivityNanos = registry.nanoTime();
    }

    boolean expired(long nowNanos) {
        return nowNanos - lastActivityNanos > timeoutSeconds * 1_000_000_000L;
    }

    public synchronized TrackOutput output(int trackIndex) {
        return outputs[trackIndex];
    }

    public synchronized List<TrackOutput> outputs() {
        List<TrackOutput> list = new ArrayList<>();
        for (TrackOutput o : outputs) {
            if (o != null) {
                list.add(o);
            }
        }
        return list;
    }

    /**
     * Adds (or replaces) the transport of one track.
     *
     * @throws IllegalStateException when the session is playing (answered with 455)
     */
    public synchronized void setUp(TrackOutput output) {
        if (state == SessionState.PLAYING) {
            throw new IllegalStateException("SETUP while playing");
        }
        TrackOutput previous = outputs[output.trackIndex()];
        if (previous != null && previous != output) {
            previous.channel().close(); // a second SETUP of the same track replaces its transport
        }
        outputs[output.trackIndex()] = Objects.requireNonNull(output);
    }

    public synchronized boolean hasTracks() {
        for (TrackOutput o : outputs) {
            if (o != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts (or resumes) playing, the first media sent ahead of real time as {@code overbuffer} says.
     *
     * @param startSeconds where to start, or null to resume where the last PLAY or PAUSE left off
     * @param endSeconds   where to stop, or null for the end of the presentation
     */
    public synchronized PlayStart play(Double startSeconds, Double endSeconds, Overbuffer overbuffer)
            throws IOException {
        if (state == SessionState.PLAYING && startSeconds == null && lastPlay != null) {
            return lastPlay; // a PLAY while playing without a Range only keeps the session alive
        }
        stopPlayer();
        if (reader == null) {
            reader = source.openReader();
        }
        double start;
        if (startSeconds != null || !source.seekable()) {
            start = reader.seek(startSeconds != null ? startSeconds : 0); // a live source answers with now
        } else if (reader.nextSendTimeMicros() == SourceReader.END) {
            start = reader.seek(0); // PLAY after the end starts over
        } else {
            start = reader.nextSendTimeMicros() / 1_000_000.0;
        }
        double duration = source.durationSeconds();
        double end = endSeconds != null ? Math.min(endSeconds, duration) : duration;
        long now = registry.nanoTime();
        if (firstPlayNanos < 0) {
            firstPlayNanos = now;
        }
        long startMicros = Math.round(start * 1_000_000);
        // never behind what an earlier run sent ahead: the wire timestamps must not go back
        long wallOffsetMicros = Math.max((now - firstPlayNanos) / 1000, sentThroughWallMicros);
        runWallOffsetMicros = wallOffsetMicros;
        List<TrackStart> starts = new ArrayList<>();
        for (TrackOutput output : outputs) {
            if (output != null) {
                long rtpTime = output.startRun(startMicros, wallOffsetMicros);
                starts.add(new TrackStart(output.trackIndex(), output.nextSequence(), rtpTime));
            }
        }
        long endMicros = Double.isInfinite(end) ? Long.MAX_VALUE - 1 : Math.round(end * 1_000_000);
        player = new SessionPlayer(this, reader, outputs.clone(), now, startMicros, endMicros, overbuffer);
        state = SessionState.PLAYING;
        lastPlay = new PlayStart(start, end, starts);
        return lastPlay;
    }

    /** The playback prepared by the last {@link #play}; schedule it once the PLAY response is on its way. */
    public synchronized void startStreaming(PlaybackScheduler engine) {
        if (player != null && state == SessionState.PLAYING) {
            engine.schedule(player);
        }
    }

    /** Stops sending and remembers the position; returns where it stopped, in seconds. */
    public synchronized double pause() {
        double at = reader == null || reader.nextSendTimeMicros() == SourceReader.END
                ? 0 : reader.nextSendTimeMicros() / 1_000_000.0;
        stopPlayer();
        state = SessionState.READY;
        return at;
    }

    /** Sender thread, under this lock: the presentation (or the played range) is over. */
    void playbackEnded(SessionPlayer ended) {
        if (ended != player) {
            return;
        }
        for (TrackOutput output : outputs) {
            if (output != null) {
                output.sendBye("end of stream");
            }
        }
        rememberSentThrough(ended);
        player = null;
        state = SessionState.READY;
        LOG.fine(logPrefix + "reached the end of " + presentationPath);
    }

    private void rememberSentThrough(SessionPlayer run) {
        sentThroughWallMicros = Math.max(sentThroughWallMicros, runWallOffsetMicros + run.sentMediaMicros());
    }

    private void stopPlayer() {
        if (player != null) {
            player.cancel();
            rememberSentThrough(player);
            player = null;
        }
    }

    /** Ends the session: stops sending, says BYE on every track, forgets the session. */
    @Override
    public void close(String reason) {
        synchronized (this) {
            if (endReason != null) {
                return;
            }
            endReason = reason;
            endedAt = registry.wallClock().instant();
            boolean wasPlaying = state == SessionState.PLAYING;
            stopPlayer();
            if (wasPlaying) {
                for (TrackOutput output : outputs) {
                    if (output != null) {
                        output.sendBye(reason);
                    }
                }
            }
            if (reader != null) {
                reader.close();
            }
            for (TrackOutput output : outputs) {
                if (output != null) {
                    output.channel().close();
                }
            }
            state = SessionState.READY;
        }
        registry.removed(this);
        long dropped = packetsDropped();
        // Every session's end is in the access log; server.log gets it at INFO only when delivery needed help
        // (packets dropped for a slow reader, retransmissions, thinning), else at FINE.
        String rtx = retransmissions();
        String thinned = thinning();
        Level level = dropped > 0 || !rtx.isEmpty() || !thinned.isEmpty() ? Level.INFO : Level.FINE;
        LOG.log(level, () -> logPrefix + "ended (" + reason + "): " + presentationPath + " for "
                + client.getAddress().getHostAddress()
                + (dropped > 0 ? "; " + dropped + " packets dropped for a slow reader" : "") + rtx + thinned);
    }

    /** "; thinned: 120 frames, 3 level changes" for a session that was thinned. */
    private String thinning() {
        long changes = thinningChanges();
        return changes == 0 ? "" : "; thinned: " + thinnedFrames() + " frames, " + changes + " level changes";
    }

    /** Video frames not sent to spare the congested client, over all tracks. */
    public long thinnedFrames() {
        long frames = 0;
        for (TrackOutput output : outputs()) {
            frames += output.thinnedFrames();
        }
        return frames;
    }

    /** Times any track's thinning level changed. */
    public long thinningChanges() {
        long changes = 0;
        for (TrackOutput output : outputs()) {
            changes += output.thinningChanges();
        }
        return changes;
    }

    /** "; retransmissions: 15 asked for, 14 sent, 1 too late" for a session whose client asked for any. */
    private String retransmissions() {
        DeliveryCounts counts = deliveryCounts();
        return counts.rtxRequested() == 0 ? "" : "; retransmissions: " + counts.rtxRequested() + " asked for, "
                + counts.rtxSent() + " sent, " + counts.rtxTooLate() + " too late";
    }

    /** Whether any track was set up for retransmission (RTP/AVPF with rtx). */
    public boolean retransmits() {
        return outputs().stream().anyMatch(TrackOutput::retransmits);
    }

    /** Retransmissions asked for, sent and too late, and frames thinned, over all tracks. */
    public DeliveryCounts deliveryCounts() {
        long requested = 0;
        long sent = 0;
        long tooLate = 0;
        for (TrackOutput output : outputs()) {
            requested += output.rtxRequested();
            sent += output.rtxSent();
            tooLate += output.rtxTooLate();
        }
        return new DeliveryCounts(requested, sent, tooLate, thinnedFrames());
    }

    /**
     * Packets not sent because the client fell behind: its interleaved queue was full, or (live) its reader
     * of the stream was.
     */
    public synchronized long packetsDropped() {
        long dropped = reader == null ? 0 : reader.packetsDropped();
        for (TrackOutput output : outputs) {
            if (output != null) {
                dropped += output.packetsDropped();
            }
        }
        return dropped;
    }

    public String endReason() {
        return endReason;
    }

    /** When the session ended, or null while it is open. */
    public Instant endedAt() {
        return endedAt;
    }

    /** Remembers where the session came from, for its access-log line. */
    public void origin(String uri, InetSocketAddress server) {
        this.requestUri = uri;
        this.serverAddress = server;
    }

    public String requestUri() {
        return requestUri;
    }

    public InetSocketAddress serverAddress() {
        return serverAddress;
    }

    /** A request of this session was refused with this status. */
    public void lastStatus(int status) {
        this.lastStatus = status;
    }

    public int lastStatus() {
        return lastStatus;
    }

    /** Seconds from creation to the first PLAY, or -1 when the session never played. */
    public synchronized double secondsToFirstPlay() {
        return firstPlayNanos < 0 ? -1 : (firstPlayNanos - createdNanos) / 1e9;
    }

    public long bytesSent() {
        long total = 0;
        for (TrackOutput o : outputs()) {
            total += o.octetsSent();
        }
        return total;
    }

    public long packetsSent() {
        long total = 0;
        for (TrackOutput o : outputs()) {
            total += o.packetsSent();
        }
        return total;
    }

    public String transportKind() {
        List<TrackOutput> list = outputs();
        return list.isEmpty() ? "-" : list.get(0).channel().kind();
    }
}
