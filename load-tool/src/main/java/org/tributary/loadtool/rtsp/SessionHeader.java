package org.tributary.loadtool.rtsp;

/** An RTSP Session header: the id and the timeout in seconds (60 when absent, RFC 2326 12.37). */
public record SessionHeader(String id, int timeoutSeconds) {
    public static final int DEFAULT_TIMEOUT = 60;

    public static SessionHeader parse(String header) {
        String[] parts = header.split(";");
        int timeout = DEFAULT_TIMEOUT;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.regionMatches(true, 0, "timeout=", 0, 8)) {
                try {
                    timeout = Integer.parseInt(p.substring(8).trim());
                } catch (NumberFormatException e) {
                    timeout = DEFAULT_TIMEOUT;
                }
            }
        }
        return new SessionHeader(parts[0].trim(), timeout > 0 ? timeout : DEFAULT_TIMEOUT);
    }
}
