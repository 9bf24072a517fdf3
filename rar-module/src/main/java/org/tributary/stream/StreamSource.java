package org.tributary.stream;

import org.tributary.source.MediaSource;
import org.tributary.source.SourceReader;
import org.tributary.source.SourceTrack;

import java.util.List;

/**
 * A running stream seen as a presentation, so DESCRIBE, SETUP and PLAY treat it like a file: live (no
 * duration, no seeking), and each reader session gets its own {@link StreamReader} instead of a file position.
 */
public final class StreamSource implements MediaSource {

    private final Stream stream;

    public StreamSource(Stream stream) {
        this.stream = stream;
    }

    public Stream stream() {
        return stream;
    }

    @Override
    public String name() {
        return stream.name();
    }

    @Override
    public List<SourceTrack> tracks() {
        return stream.tracks();
    }

    @Override
    public double durationSeconds() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public boolean seekable() {
        return false;
    }

    @Override
    public SourceReader openReader() {
        return new StreamSourceReader(stream.openReader());
    }
}
