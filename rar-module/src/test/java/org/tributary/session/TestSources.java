package org.tributary.session;

import org.tributary.source.MediaSource;
import org.tributary.source.SourceReader;
import org.tributary.source.SourceTrack;

import java.util.List;

/** A one-track source for session tests that never read media. */
final class TestSources {

    private TestSources() {
    }

    static MediaSource oneTrack() {
        return new MediaSource() {
            @Override
            public String name() {
                return "clip.mp4";
            }

            @Override
            public List<SourceTrack> tracks() {
                return List.of(new SourceTrack(0, "audio", 14, 90000, "MPA", 128, List.of()));
            }

            @Override
            public double durationSeconds() {
                return 10;
            }

            @Override
            public boolean seekable() {
                return true;
            }

            @Override
            public SourceReader openReader() {
                throw new UnsupportedOperationException("not read in these tests");
            }
        };
    }
}
