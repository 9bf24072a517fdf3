package org.tributary.rtsp.header;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Every header type of this package, from one header line as a client sends it ({@code Name: value},
 * ISO-8859-1 like the decoder). A known name goes to its parser; any other line is given to all of them,
 * so the corpus of captured requests reaches every parser. A parser may refuse with
 * {@link HeaderParseException}; anything else thrown is a bug. The request headers (Transport, Range,
 * Session, which the server parses and answers with, and Scale, Speed) must also format to text that
 * parses back to the same header; RTP-Info and WWW-Authenticate are only ever formatted by the server
 * from its own values, and Authorization is never echoed, so for those parsing without a crash is the
 * property.
 */
class HeaderFuzzTest {

    /** Each parser, returning the header formatted again, or null where no round trip is expected. */
    private static final Map<String, Function<String, String>> PARSERS = Map.of(
            "transport", v -> Transport.parse(v).format(),
            "range", v -> Range.parse(v).format(),
            "session", v -> Session.parse(v).format(),
            "scale", v -> Scale.parse(v).format(),
            "speed", v -> Speed.parse(v).format(),
            "authorization", v -> parsed(Authorization.parse(v)),
            "www-authenticate", v -> parsed(WwwAuthenticate.parse(v)),
            "rtp-info", v -> parsed(RtpInfo.parse(v)));

    @FuzzTest
    void parse(byte[] data) {
        String line = new String(data, StandardCharsets.ISO_8859_1);
        int colon = line.indexOf(':');
        Function<String, String> parser = colon < 0 ? null
                : PARSERS.get(line.substring(0, colon).trim().toLowerCase(Locale.ROOT));
        if (parser != null) {
            roundTrip(parser, line.substring(colon + 1).trim());
        } else {
            PARSERS.values().forEach(p -> roundTrip(p, line));
        }
    }

    private static void roundTrip(Function<String, String> parser, String value) {
        String formatted;
        try {
            formatted = parser.apply(value);
        } catch (HeaderParseException refused) {
            return;
        }
        if (formatted != null) {
            assertEquals(formatted, parser.apply(formatted), "format() must parse back to the same header");
        }
    }

    private static String parsed(Object header) {
        Objects.requireNonNull(header);
        return null;
    }
}
