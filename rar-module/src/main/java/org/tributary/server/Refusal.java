package org.tributary.server;

import org.tributary.rtsp.RtspStatus;
import org.tributary.rtsp.header.WwwAuthenticate;

import java.util.List;
import java.util.logging.Level;

/**
 * Why a request is refused and how: the status, the reason (for the log and the access log), the level
 * its log line is written at, and what a 401 carries. {@link Refusals} turns it into an RTSP or HTTP answer.
 *
 * @param clientMessage what an HTTP body tells the client, or null to tell it the reason
 * @param retryAfter    the Retry-After of an HTTP answer, or null
 */
public record Refusal(RtspStatus status, String why, Level level, List<WwwAuthenticate> challenges,
                      long holdBackMillis, String clientMessage, String retryAfter) {

    public Refusal {
        challenges = List.copyOf(challenges);
    }

    public static Refusal of(RtspStatus status, String why) {
        return new Refusal(status, why, Level.INFO, List.of(), 0, null, null);
    }

    /** @param level WARNING for hostile input; FINE when the reason was logged recently */
    public static Refusal of(RtspStatus status, String why, Level level) {
        return new Refusal(status, why, level, List.of(), 0, null, null);
    }

    public int code() {
        return status.code();
    }

    /** What an HTTP body says. */
    public String message() {
        return clientMessage != null ? clientMessage : why;
    }
}
