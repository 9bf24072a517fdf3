package org.tributary.source.file;

import org.tributary.source.PacketSink;
import org.tributary.source.SourceReader;

import java.io.IOException;

/**
 * A reader over several stored tracks that emits their units in send-time order: whichever track's next
 * unit is due first goes next. Seeking starts every track at the first track's key frame at or before
 * the requested time, so all tracks resume together.
 */
final class TrackMergingReader implements SourceReader {

    /** One track's position in one reader. */
    interface TrackCursor {
        /** Send time of the next unit in microseconds, or {@link SourceReader#END}. */
        long nextSendMicros();

        /** The key frame time at or before {@code micros}, or -1 when this track has no key frames to honour. */
        long keyFrameMicrosAtOrBefore(long micros);

        /** Moves to the first unit due at or after {@code micros}. */
        void positionAt(long micros);

        /** Emits the next unit and advances. */
        void emit(PacketSink sink) throws IOException;
    }

    private final TrackCursor[] cursors;

    TrackMergingReader(TrackCursor[] cursors) {
        this.cursors = cursors;
    }

    @Override
    public double seek(double nptSeconds) {
        long target = Math.max(0, Math.round(nptSeconds * 1_000_000));
        for (TrackCursor c : cursors) {
            long keyFrame = c.keyFrameMicrosAtOrBefore(target);
            if (keyFrame >= 0) {
                target = keyFrame;
                break;
            }
        }
        for (TrackCursor c : cursors) {
            c.positionAt(target);
        }
        return target / 1_000_000.0;
    }

    @Override
    public long nextSendTimeMicros() {
        long next = END;
        for (TrackCursor c : cursors) {
            next = Math.min(next, c.nextSendMicros());
        }
        return next;
    }

    @Override
    public void emitNext(PacketSink sink) throws IOException {
        TrackCursor earliest = null;
        for (TrackCursor c : cursors) {
            if (c.nextSendMicros() != END && (earliest == null || c.nextSendMicros() < earliest.nextSendMicros())) {
                earliest = c;
            }
        }
        if (earliest != null) {
            earliest.emit(sink);
        }
    }

    @Override
    public void close() {
        // Nothing to release: files and mappings belong to the source.
    }
}
