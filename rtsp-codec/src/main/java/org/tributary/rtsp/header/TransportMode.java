package org.tributary.rtsp.header;

import java.util.Locale;

/** The {@code mode} parameter of a transport spec: PLAY (the default) or RECORD. */
public enum TransportMode {
    PLAY,
    RECORD;

    /**
     * Parses a mode case-insensitively, with or without quotes; {@code receive} (sent by ffmpeg -listen
     * and Darwin Streaming Server for publishing) is taken as RECORD.
     */
    static TransportMode parse(String text) {
        String t = HeaderParams.unquote(Transport.HEADER, text).trim().toUpperCase(Locale.ROOT);
        switch (t) {
            case "PLAY":
                return PLAY;
            case "RECORD":
            case "RECEIVE":
                return RECORD;
            default:
                throw new HeaderParseException(Transport.HEADER, "invalid mode '" + text + "'");
        }
    }
}
