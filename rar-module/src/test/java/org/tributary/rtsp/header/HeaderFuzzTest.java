package org.tributary.rtsp.header;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Every header type of this package, from one header line as a client sends it ({@code Name: value},
 * ISO-8859-1 like the decoder). A known name goes to its parser; any other line is given to all of them,
 * so the corpus of captured requests reaches every parser. A parser may refuse with
 * {@link HeaderParseException}; anything else thrown is a bug. What parses must format to text that
 * parses back to the same header (the server echoes Transport, Session, Range, Scale and Speed).
 */
class HeaderFuzzTest {

    private static final Map<String, Function<String, String>> PARSERS = Map.of(
            "transport", v -> Transport.parse(v).format(),
            "range", v -> Range.parse(v).format(),
            "session", v -> Session.parse(v).format(),
            "authorization", v -> Authorization.parse(v).format(),
            "www-authenticate", v -> WwwAuthenticate.parse(v).format(),
            "rtp-info", v -> RtpInfo.parse(v).format(),
            "scale", v -> Scale.parse(v).format(),
            "speed", v -> Speed.parse(v).format());

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
        assertEquals(formatted, parser.apply(formatted), "format() must parse back to the same header");
    }
}
