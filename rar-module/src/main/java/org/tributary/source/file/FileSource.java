package org.tributary.source.file;

import org.tributary.source.MediaSource;
import org.tributary.source.SourceReader;
import org.tributary.source.SourceTrack;

import java.util.ArrayList;
import java.util.List;

/**
 * What every file source has: a name, its tracks (filled by the subclass), a seekable duration, and
 * readers that merge one cursor per track in send-time order.
 */
abstract class FileSource implements MediaSource {

    private final String name;
    protected final List<SourceTrack> tracks = new ArrayList<>();

    FileSource(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<SourceTrack> tracks() {
        return tracks;
    }

    @Override
    public boolean seekable() {
        return true;
    }

    @Override
    public final SourceReader openReader() {
        TrackMergingReader.TrackCursor[] cursors = new TrackMergingReader.TrackCursor[tracks.size()];
        for (int i = 0; i < cursors.length; i++) {
            cursors[i] = openCursor(i);
        }
        return new TrackMergingReader(cursors);
    }

    /** A new position at the start of track {@code index}, for one reader. */
    abstract TrackMergingReader.TrackCursor openCursor(int index);
}
