package org.tributary.rtsp.header;

import java.util.Locale;

/**
 * Darwin's and QuickTime's {@code x-Prebuffer} header: {@code maxtime=N} asks the server to send at most N
 * seconds of media ahead of real time at the start of a PLAY. Other parameters are ignored; a header
 * without {@code maxtime} is refused.
 */
public record Prebuffer(float maxTimeSeconds) {

    public static final String HEADER = "x-Prebuffer";

    public Prebuffer {
        if (!(maxTimeSeconds >= 0) || !Float.isFinite(maxTimeSeconds)) {
            throw new HeaderParseException(HEADER, "invalid maxtime '" + maxTimeSeconds + "'");
        }
    }

    public static Prebuffer parse(String value) {
        for (String param : value.split(";")) {
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("maxtime")) {
                return new Prebuffer(DecimalRatio.parse(HEADER, "maxtime", param.substring(eq + 1).trim()));
            }
        }
        throw new HeaderParseException(HEADER, "no maxtime in '" + value + "'");
    }

    public String format() {
        return "maxtime=" + DecimalRatio.format(maxTimeSeconds);
    }
}
