package org.tributary.sdp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SDP text liberally: LF or CRLF line ends, surrounding blanks ignored, unknown line types
 * ignored, fields accepted in any order, and v=/o=/s=/t= optional so that the fragments stored in
 * QuickTime hinted files parse too. Bounded by {@link SdpLimits}.
 */
public final class SdpParser {

    private SdpParser() {
    }

    /**
     * @throws SdpParseException naming the line for malformed lines, or line 0 for over-long text
     */
    public static SessionDescription parse(String text) {
        if (text == null) {
            throw new SdpParseException(0, "no text");
        }
        if (text.length() > SdpLimits.MAX_BYTES
                || text.getBytes(StandardCharsets.UTF_8).length > SdpLimits.MAX_BYTES) {
            throw new SdpParseException(0, "longer than " + SdpLimits.MAX_BYTES + " bytes");
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return new Run().read(body.split("\r\n|\n|\r", -1));
    }

    /** State of one parse: the session builder and the media section being filled, if any. */
    private static final class Run {
        private final SessionDescription.Builder session = SessionDescription.builder().noTiming();
        private MediaDescription.Builder media;
        private int lineNumber;

        SessionDescription read(String[] lines) {
            for (String raw : lines) {
                lineNumber++;
                String line = raw.strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.length() < 2 || line.charAt(1) != '=') {
                    throw error("expected <type>=<value> but found '" + abbreviate(line) + "'");
                }
                field(line.charAt(0), line.substring(2));
            }
            finishMedia();
            return session.build();
        }

        private void field(char type, String value) {
            switch (type) {
                case 'v' -> {
                    if (!value.strip().equals("0")) {
                        throw error("unsupported version '" + value + "'");
                    }
                }
                case 'o' -> session.origin(origin(value));
                case 's' -> session.sessionName(value);
                case 'i' -> {
                    if (media != null) {
                        media.info(value);
                    } else {
                        session.info(value);
                    }
                }
                case 'u' -> session.uri(value);
                case 'e' -> session.email(value);
                case 'p' -> session.phone(value);
                case 'c' -> connection(value);
                case 'b' -> {
                    Bandwidth b = bandwidth(value);
                    if (media != null) {
                        media.bandwidth(b);
                    } else {
                        session.bandwidth(b);
                    }
                }
                case 't' -> session.timing(timing(value));
                case 'r' -> session.repeat(value);
                case 'z' -> session.timeZones(value);
                case 'k' -> {
                    if (media != null) {
                        media.encryptionKey(value);
                    } else {
                        session.encryptionKey(value);
                    }
                }
                case 'a' -> {
                    Attribute a = attribute(value);
                    if (media != null) {
                        media.attribute(a);
                    } else {
                        session.attribute(a);
                    }
                }
                case 'm' -> startMedia(value);
                default -> {
                    // unknown line types are ignored (RFC 4566 §5)
                }
            }
        }

        private Origin origin(String value) {
            String[] f = fields(value);
            if (f.length != 6) {
                throw error("invalid o= field '" + abbreviate(value) + "'");
            }
            return new Origin(f[0], f[1], f[2], f[3], f[4], f[5]);
        }

        private void connection(String value) {
            String[] f = fields(value);
            if (f.length != 3) {
                throw error("invalid c= field '" + abbreviate(value) + "'");
            }
            Connection c = new Connection(f[0], f[1], f[2]);
            if (media == null) {
                session.connection(c);
            } else if (!media.hasConnection()) {
                media.connection(c);   // further c= lines (layered multicast) are ignored
            }
        }

        private Bandwidth bandwidth(String value) {
            int colon = value.indexOf(':');
            if (colon <= 0) {
                throw error("invalid b= field '" + abbreviate(value) + "'");
            }
            return new Bandwidth(value.substring(0, colon).strip(), number(value.substring(colon + 1), "b="));
        }

        private Timing timing(String value) {
            String[] f = fields(value);
            if (f.length != 2) {
                throw error("invalid t= field '" + abbreviate(value) + "'");
            }
            return new Timing(number(f[0], "t="), number(f[1], "t="), List.of());
        }

        private Attribute attribute(String value) {
            int colon = value.indexOf(':');
            String name = (colon < 0 ? value : value.substring(0, colon)).strip();
            if (name.isEmpty()) {
                throw error("attribute without a name '" + abbreviate(value) + "'");
            }
            return new Attribute(name, colon < 0 ? null : value.substring(colon + 1));
        }

        private void startMedia(String value) {
            finishMedia();
            if (session.mediaCount() >= SdpLimits.MAX_MEDIA) {
                throw error("more than " + SdpLimits.MAX_MEDIA + " media descriptions");
            }
            String[] f = fields(value);
            if (f.length < 3) {
                throw error("invalid m= field '" + abbreviate(value) + "'");
            }
            String[] port = f[1].split("/", 2);
            long portNumber = number(port[0], "m= port");
            if (portNumber > 65535) {
                throw error("invalid m= port '" + f[1] + "'");
            }
            List<String> formats = new ArrayList<>(List.of(f).subList(3, f.length));
            media = new MediaDescription.Builder(f[0], (int) portNumber, f[2], formats);
            if (port.length == 2) {
                media.portCount((int) Math.min(number(port[1], "m= port count"), Integer.MAX_VALUE));
            }
        }

        private void finishMedia() {
            if (media != null) {
                session.media(media.build());
                media = null;
            }
        }

        private long number(String text, String what) {
            String t = text.strip();
            if (t.isEmpty() || t.length() > 18 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw error("invalid number in " + what + " '" + abbreviate(text) + "'");
            }
            return Long.parseLong(t);
        }

        private static String[] fields(String value) {
            String v = value.strip();
            return v.isEmpty() ? new String[0] : v.split("[ \t]+");
        }

        private static String abbreviate(String s) {
            return s.length() <= 80 ? s : s.substring(0, 77) + "...";
        }

        private SdpParseException error(String problem) {
            return new SdpParseException(lineNumber, problem);
        }
    }
}
