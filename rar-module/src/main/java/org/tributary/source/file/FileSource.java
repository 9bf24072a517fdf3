package org.tributary.source.file;

import org.tributary.source.MediaSource;
import org.tributary.source.SourceTrack;

import java.util.ArrayList;
import java.util.List;

/** What every file source has: a name, its tracks (filled by the subclass) and a seekable duration. */
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
}
