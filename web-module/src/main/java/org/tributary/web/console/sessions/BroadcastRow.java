package org.tributary.web.console.sessions;

import org.tributary.api.BroadcastInfo;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * One line of the Sessions page's live broadcasts, computed from the adapter's {@link BroadcastInfo} at one
 * instant.
 *
 * @param id              the publisher's session id
 * @param path            the path published
 * @param publisher       the publisher's address
 * @param user            the authenticated broadcaster, "" when none
 * @param codecs          the announced codecs
 * @param transport       TCP, UDP or HTTP, with the state
 * @param bitsPerSecond   the incoming rate over the last second
 * @param viewers         sessions reading it now
 * @param durationSeconds how long the broadcast has existed
 */
public record BroadcastRow(String id, String path, String publisher, String user, String codecs, String transport,
                           long bitsPerSecond, int viewers, long durationSeconds) implements Serializable {

    public static BroadcastRow of(BroadcastInfo b, Instant now) {
        return new BroadcastRow(b.id(), b.path(), b.publisher(), b.userName() == null ? "" : b.userName(), b.codecs(),
                (b.transport().isEmpty() ? "" : b.transport() + " ") + b.state().toLowerCase(java.util.Locale.ROOT),
                b.bitsPerSecond(), b.viewers(), Math.max(0, Duration.between(b.startedAt(), now).toSeconds()));
    }

    /** "1.2 Mbit/s", "350 kbit/s". */
    public String bitrate() {
        return SessionRow.bitrate(bitsPerSecond);
    }

    /** "0:42", "1:02:03". */
    public String duration() {
        return SessionRow.duration(durationSeconds);
    }
}
