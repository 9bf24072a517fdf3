package org.tributary.rtsp.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScaleSpeedTest {

    static Stream<Arguments> scales() {
        return Stream.of(
                arguments("normal", "1", "1.0", new Scale(1f)),
                arguments("reverse with spaces", " -2 ", "-2.0", new Scale(-2f)),
                arguments("slow motion", "0.5", "0.5", new Scale(0.5f)),
                arguments("explicit plus", "+1.50", "1.5", new Scale(1.5f)),
                arguments("leading dot", ".25", "0.25", new Scale(0.25f)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scales")
    void scaleParsesAndFormats(String name, String received, String canonical, Scale expected) {
        assertEquals(expected, Scale.parse(received));
        assertEquals(canonical, expected.format());
        assertEquals(expected, Scale.parse(canonical));
    }

    static Stream<Arguments> speeds() {
        return Stream.of(
                arguments("double", "2.0", "2.0", new Speed(2f)),
                arguments("integer", "1", "1.0", new Speed(1f)),
                arguments("fraction", " 0.75 ", "0.75", new Speed(0.75f)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("speeds")
    void speedParsesAndFormats(String name, String received, String canonical, Speed expected) {
        assertEquals(expected, Speed.parse(received));
        assertEquals(canonical, expected.format());
        assertEquals(expected, Speed.parse(canonical));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                arguments("scale text", "Scale", "abc", "Scale: invalid scale 'abc'"),
                arguments("scale zero", "Scale", "0", "Scale: invalid scale '0.0'"),
                arguments("scale exponent", "Scale", "1e5", "Scale: invalid scale '1e5'"),
                arguments("scale NaN", "Scale", "NaN", "Scale: invalid scale 'NaN'"),
                arguments("scale empty", "Scale", "", "Scale: empty value"),
                arguments("speed negative", "Speed", "-1", "Speed: invalid speed '-1.0'"),
                arguments("speed zero", "Speed", "0.0", "Speed: invalid speed '0.0'"),
                arguments("speed text", "Speed", "fast", "Speed: invalid speed 'fast'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void rejects(String name, String header, String value, String message) {
        HeaderParseException e = assertThrows(HeaderParseException.class,
                () -> {
                    if (header.equals("Scale")) {
                        Scale.parse(value);
                    } else {
                        Speed.parse(value);
                    }
                });
        assertEquals(message, e.getMessage());
    }
}
