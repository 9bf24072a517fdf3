package org.tributary.rtsp.header;

/**
 * The Session header (RFC 2326 §12.37): {@code 12345678;timeout=60}.
 *
 * @param id             session identifier: letters, digits and {@code $-_.+}, at most 64 characters
 * @param timeoutSeconds the announced timeout, or null when absent
 */
public record Session(String id, Integer timeoutSeconds) {

    public static final String HEADER = "Session";

    public Session {
        if (!isValidId(id)) {
            throw new HeaderParseException(HEADER, "invalid session id '" + id + "'");
        }
        if (timeoutSeconds != null && timeoutSeconds < 1) {
            throw new HeaderParseException(HEADER, "invalid timeout '" + timeoutSeconds + "'");
        }
    }

    public static Session of(String id) {
        return new Session(id, null);
    }

    public static boolean isValidId(String id) {
        if (id == null || id.isEmpty() || id.length() > HeaderLimits.MAX_SESSION_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!alnum && "$-_.+".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Parses {@code id[;timeout=n]}; unknown parameters are ignored. */
    public static Session parse(String value) {
        String v = HeaderParams.requireValue(HEADER, value);
        var pieces = HeaderParams.split(HEADER, v, ';');
        if (pieces.isEmpty()) {
            throw new HeaderParseException(HEADER, "empty value");
        }
        Integer timeout = null;
        for (String piece : pieces.subList(1, pieces.size())) {
            HeaderParams.Param p = HeaderParams.param(HEADER, piece);
            if (p.is("timeout")) {
                timeout = HeaderParams.integer(HEADER, "timeout", p.value(), 1, Integer.MAX_VALUE);
            }
        }
        return new Session(pieces.get(0), timeout);
    }

    public String format() {
        return timeoutSeconds == null ? id : id + ";timeout=" + timeoutSeconds;
    }
}
