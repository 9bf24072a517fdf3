package org.tributary.session;

import org.tributary.engine.Playback;
import org.tributary.source.PacketSink;
import org.tributary.source.SourceReader;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * One PLAY of a session on the engine: sends each unit of the reader when its presentation time comes
 * (relative to the wall-clock moment PLAY started; earlier during an instant-on {@link Overbuffer}), sends
 * RTCP sender reports every few seconds, and tells the session when the presentation ends. Cancelled by PAUSE, a new PLAY or TEARDOWN.
 */
final class SessionPlayer implements Playback, PacketSink {

    private static final Logger LOG = Logger.getLogger(SessionPlayer.class.getName());
    /** Units sent per pump at most, so one stream that fell behind cannot starve the others. */
    private static final int MAX_UNITS_PER_PUMP = 64;
    private static final long SENDER_REPORT_NANOS = 5_000_000_000L;

    private final RtspSession session;
    private final SourceReader reader;
    private final TrackOutput[] outputs;
    private final long startWallNanos;
    private final long startMicros;
    private final long endMicros;
    private final Overbuffer overbuffer;
    private long nextReportNanos;
    private volatile boolean cancelled;
    private volatile Runnable wake;
    private long lastSentMicros;

    SessionPlayer(RtspSession session, SourceReader reader, TrackOutput[] outputs, long startWallNanos,
                  long startMicros, long endMicros, Overbuffer overbuffer) {
        this.overbuffer = overbuffer;
        this.session = session;
        this.reader = reader;
        this.outputs = outputs;
        this.startWallNanos = startWallNanos;
        this.startMicros = startMicros;
        this.endMicros = endMicros;
        this.nextReportNanos = startWallNanos + 1_000_000_000L;
        this.lastSentMicros = startMicros;
    }

    void cancel() {
        cancelled = true;
        Runnable w = wake;
        if (w != null) {
            w.run(); // leave the engine now, not at the next due time (a live reader may be idle for a while)
        }
    }

    @Override
    public void wakeWith(Runnable wake) {
        this.wake = wake;
        reader.onReadable(wake);
    }

    /** Media sent so far, from the start of this PLAY (ahead of real time during instant-on). */
    long sentMediaMicros() {
        return lastSentMicros - startMicros;
    }

    /** Presentation time reached by now (for PAUSE and statistics). */
    long positionMicros(long nowNanos) {
        return Math.min(endMicros, startMicros + Math.max(0, (nowNanos - startWallNanos) / 1000));
    }

    @Override
    public long pump(long nowNanos) {
        synchronized (session) {
            if (cancelled) {
                return DONE;
            }
            try {
                for (int units = 0; units < MAX_UNITS_PER_PUMP; units++) {
                    long next = reader.nextSendTimeMicros();
                    if (next == SourceReader.END || next > endMicros) {
                        session.playbackEnded(this);
                        return DONE;
                    }
                    long due = startWallNanos + overbuffer.sendMicros(next - startMicros) * 1000;
                    if (due > nowNanos) {
                        maybeReport(nowNanos);
                        return Math.min(due, nextReportNanos);
                    }
                    reader.emitNext(this);
                    lastSentMicros = next;
                }
            } catch (IOException e) {
                LOG.warning(session.logPrefix() + "reading the source failed: " + e.getMessage() + "; ending playback");
                session.playbackEnded(this);
                return DONE;
            }
            maybeReport(nowNanos);
            return nowNanos;
        }
    }

    private void maybeReport(long nowNanos) {
        if (nowNanos >= nextReportNanos) {
            long position = positionMicros(nowNanos);
            for (TrackOutput output : outputs) {
                if (output != null) {
                    output.sendSenderReport(position);
                }
            }
            nextReportNanos = nowNanos + SENDER_REPORT_NANOS;
        }
    }

    @Override
    public void packet(int track, java.nio.ByteBuffer payload, boolean marker, long timestamp, int payloadType) {
        TrackOutput output = track < outputs.length ? outputs[track] : null;
        if (output != null) {
            output.send(payload, marker, timestamp, payloadType);
        }
    }
}
