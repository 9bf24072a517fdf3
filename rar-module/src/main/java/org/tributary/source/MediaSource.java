package org.tributary.source;

import java.io.IOException;
import java.util.List;

/** One presentation the engine can stream: its tracks and readers positioned in it. Shared by every client. */
public interface MediaSource {

    /** A short name for logs and the SDP session name (a file name, a broadcast name). */
    String name();

    List<SourceTrack> tracks();

    /** Length in seconds, or {@code Double.POSITIVE_INFINITY} for a live source. */
    double durationSeconds();

    /** Whether PLAY may start anywhere but the live edge. */
    boolean seekable();

    /** A reader for one client, positioned at the start. */
    SourceReader openReader() throws IOException;
}
