package org.tributary.server;

import org.tributary.rtsp.RtspStatus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;

/** Thrown by a method handler that refuses its request; the dispatcher answers the refusal it carries. */
public final class RefusedException extends Exception {

    private final transient Refusal refusal;
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    public RefusedException(Refusal refusal) {
        super(refusal.why(), null, false, false); // an answer, not a failure: no stack trace
        this.refusal = refusal;
    }

    public RefusedException(RtspStatus status, String why) {
        this(Refusal.of(status, why));
    }

    public RefusedException(RtspStatus status, String why, Level level) {
        this(Refusal.of(status, why, level));
    }

    public Refusal refusal() {
        return refusal;
    }

    /** A header the RTSP answer carries beside the refusal's own (a 461's Transport offering what is served). */
    public RefusedException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The headers added with {@link #withHeader}, in order. */
    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }
}
