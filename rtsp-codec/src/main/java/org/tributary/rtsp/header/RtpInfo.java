package org.tributary.rtsp.header;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The RTP-Info header of a PLAY response (RFC 2326 §12.33):
 * {@code url=rtsp://h/f/trackID=1;seq=123;rtptime=456,url=...}.
 */
public record RtpInfo(List<RtpInfoEntry> entries) {

    public static final String HEADER = "RTP-Info";

    public RtpInfo {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("RTP-Info needs at least one entry");
        }
    }

    public static RtpInfo of(RtpInfoEntry... entries) {
        return new RtpInfo(List.of(entries));
    }

    /**
     * Parses entries separated by commas that are followed by {@code url=}, so that unquoted URLs
     * containing ',' or ';' survive; unknown parameters (e.g. {@code ssrc}) are ignored.
     */
    public static RtpInfo parse(String value) {
        String v = HeaderParams.requireValue(HEADER, value);
        List<RtpInfoEntry> entries = new ArrayList<>();
        for (String entry : splitEntries(v)) {
            entries.add(parseEntry(entry));
        }
        if (entries.isEmpty()) {
            throw new HeaderParseException(HEADER, "empty value");
        }
        return new RtpInfo(entries);
    }

    private static List<String> splitEntries(String v) {
        List<String> entries = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) == ',' && startsWithParam(v.substring(i + 1), "url")) {
                entries.add(v.substring(start, i).trim());
                start = i + 1;
            }
        }
        entries.add(v.substring(start).trim());
        entries.removeIf(String::isEmpty);
        return entries;
    }

    private static boolean startsWithParam(String text, String name) {
        String t = text.stripLeading().toLowerCase(Locale.ROOT);
        if (!t.startsWith(name)) {
            return false;
        }
        return t.substring(name.length()).stripLeading().startsWith("=");
    }

    private static RtpInfoEntry parseEntry(String entry) {
        String url = null;
        Integer seq = null;
        Long rtptime = null;
        for (String piece : entry.split(";")) {
            if (piece.isBlank()) {
                continue;
            }
            if (url != null && !startsWithParam(piece, "seq") && !startsWithParam(piece, "rtptime")
                    && !startsWithParam(piece, "ssrc")) {
                url = url + ";" + piece;   // a ';' that belonged to the URL
                continue;
            }
            HeaderParams.Param p = HeaderParams.param(HEADER, piece);
            switch (p.key()) {
                case "url" -> url = HeaderParams.unquote(HEADER, HeaderParams.requireParamValue(HEADER, p));
                case "seq" -> seq = HeaderParams.integer(HEADER, "seq", p.value(), 0, 0xFFFF);
                case "rtptime" -> rtptime = checkedRtpTime(p.value());
                default -> { }
            }
        }
        if (url == null || url.isEmpty()) {
            throw new HeaderParseException(HEADER, "missing url in '" + entry + "'");
        }
        return new RtpInfoEntry(url.strip(), seq, rtptime);
    }

    private static long checkedRtpTime(String text) {
        long t = HeaderParams.decimal(HEADER, "rtptime", text);
        if (t > 0xFFFFFFFFL) {
            throw new HeaderParseException(HEADER, "invalid rtptime '" + text + "'");
        }
        return t;
    }

    public String format() {
        return entries.stream().map(RtpInfoEntry::format).collect(Collectors.joining(","));
    }
}
