package org.tributary.mp3http;

import org.tributary.server.RtspConnection;

import java.time.Instant;

/** One HTTP response streaming MP3 to a player (a file or a station), as the service lists, limits and ends it. */
interface HttpListener {

    /** The session id shown in the console: the connection's, so it is unique while the adapter runs. */
    static String idOf(RtspConnection connection) {
        return "HTTP-" + connection.id();
    }

    String id();

    /** The file or station mount listened to. */
    String path();

    /** The authenticated user, or null. */
    String user();

    String userAgent();

    RtspConnection connection();

    Instant startedAt();

    long audioBytesSent();

    /** Audio bits per second over the last sampling interval. */
    long bitsPerSecond();

    /** Housekeeping thread only: samples the rate since the previous call. */
    void sampleRate(long nowNanos);

    /** The audio's bit rate in kbit/s, for the bandwidth limit. */
    int kbps();

    /** Asks the stream to end (an administrator, a station ending); the sender thread ends it at its next turn. */
    void stop(String reason);

    /** Ends the stream at once (its client is gone, the server stops). */
    void end(String reason);
}
