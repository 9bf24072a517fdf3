package org.tributary.rtsp.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SessionTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("id with timeout", "12345678;timeout=60", "12345678;timeout=60", new Session("12345678", 60)),
                arguments("bare id", "47112344", "47112344", Session.of("47112344")),
                arguments("all token characters, spaces, case", " abc$-_.+XYZ ; Timeout = 30 ",
                        "abc$-_.+XYZ;timeout=30", new Session("abc$-_.+XYZ", 30)),
                arguments("unknown parameter ignored", "D8A5C1F0;foo=bar", "D8A5C1F0", Session.of("D8A5C1F0")),
                arguments("64 character id", "a".repeat(64), "a".repeat(64), Session.of("a".repeat(64))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesAsReceived(String name, String received, String canonical, Session expected) {
        assertEquals(expected, Session.parse(received));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void formatsCanonically(String name, String received, String canonical, Session expected) {
        assertEquals(canonical, expected.format());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void canonicalFormParsesBack(String name, String received, String canonical, Session expected) {
        assertEquals(expected, Session.parse(canonical));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                arguments("empty", "", "Session: empty value"),
                arguments("space inside id", "12 34", "Session: invalid session id '12 34'"),
                arguments("forbidden character", "abc!;timeout=5", "Session: invalid session id 'abc!'"),
                arguments("65 characters", "b".repeat(65), "Session: invalid session id '" + "b".repeat(65) + "'"),
                arguments("timeout not a number", "1234;timeout=abc", "Session: invalid timeout 'abc'"),
                arguments("timeout zero", "1234;timeout=0", "Session: invalid timeout '0'"),
                arguments("parameters only", ";timeout=5", "Session: invalid session id 'timeout=5'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void rejects(String name, String value, String message) {
        assertEquals(message, assertThrows(HeaderParseException.class, () -> Session.parse(value)).getMessage());
    }
}
