package org.tributary.rtsp.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RangeTest {

    /** 1996-11-08T14:37:20Z in seconds since the epoch. */
    private static final double CLOCK_START = 847463840.0;

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("from the start (VLC, ffmpeg)", "npt=0-", "npt=0.000-", Range.npt(0, null)),
                arguments("fractional start, integral end", "npt=5.5-10", "npt=5.500-10.000", Range.npt(5.5, 10.0)),
                arguments("hh:mm:ss.fraction", "npt=00:01:02.5-", "npt=62.500-", Range.npt(62.5, null)),
                arguments("hours beyond two digits", "npt=100:00:00-", "npt=360000.000-", Range.npt(360000, null)),
                arguments("now", "npt=now-", "npt=now-", Range.nptFromNow()),
                arguments("absent start means 0", "npt=-20", "npt=0.000-20.000", Range.npt(0, 20.0)),
                arguments("trailing dot", "npt=3.-", "npt=3.000-", Range.npt(3, null)),
                arguments("liberal spacing and case", " NPT = 10 - 20 ", "npt=10.000-20.000", Range.npt(10, 20.0)),
                arguments("QuickTime SDP style spacing", "npt=0-  70.00000", "npt=0.000-70.000", Range.npt(0, 70.0)),
                arguments("with time parameter", "npt=10-;time=19970123T143720Z", "npt=10.000-;time=19970123T143720Z",
                        new Range(RangeUnit.NPT, 10.0, null, false, null, "19970123T143720Z")),
                arguments("clock (RFC 2326 §3.7)", "clock=19961108T143720.25Z-",
                        "clock=19961108T143720.25Z-",
                        new Range(RangeUnit.CLOCK, CLOCK_START + 0.25, null, false, "clock=19961108T143720.25Z-", null)),
                arguments("clock interval", "clock=19961108T143720Z-19961108T143730Z",
                        "clock=19961108T143720Z-19961108T143730Z",
                        new Range(RangeUnit.CLOCK, CLOCK_START, CLOCK_START + 10, false,
                                "clock=19961108T143720Z-19961108T143730Z", null)),
                arguments("smpte", "smpte=10:07:00-10:07:33:05.01", "smpte=10:07:00-10:07:33:05.01",
                        new Range(RangeUnit.SMPTE, null, null, false, "smpte=10:07:00-10:07:33:05.01", null)),
                arguments("smpte-25", "smpte-25=10:07:00-", "smpte-25=10:07:00-",
                        new Range(RangeUnit.SMPTE, null, null, false, "smpte-25=10:07:00-", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesAsReceived(String name, String received, String canonical, Range expected) {
        assertEquals(expected, Range.parse(received));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void formatsCanonically(String name, String received, String canonical, Range expected) {
        assertEquals(canonical, expected.format());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void canonicalFormParsesBack(String name, String received, String canonical, Range expected) {
        assertEquals(expected, Range.parse(canonical));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                arguments("empty", "", "Range: empty value"),
                arguments("not a time", "npt=abc-", "Range: invalid npt time 'abc'"),
                arguments("negative", "npt=-5-", "Range: invalid npt time '5-'"),
                arguments("minutes 60", "npt=1:60:00-", "Range: invalid npt time '1:60:00'"),
                arguments("now as end", "npt=0-now", "Range: invalid npt time 'now'"),
                arguments("end before start", "npt=20-10", "Range: end before start in '20-10'"),
                arguments("no dash", "npt=10", "Range: missing '-' in 'npt=10'"),
                arguments("no unit", "10-20", "Range: missing unit in '10-20'"),
                arguments("both ends empty", "npt=-", "Range: empty range 'npt=-'"),
                arguments("unknown unit", "frames=1-2", "Range: unsupported unit 'frames'"),
                arguments("bad clock", "clock=19961308T143720Z-", "Range: invalid clock time '19961308T143720Z'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void rejects(String name, String value, String message) {
        assertEquals(message, assertThrows(HeaderParseException.class, () -> Range.parse(value)).getMessage());
    }

    @Test
    void clockIsRecognisedButNotNpt() {
        Range r = Range.parse("clock=19961108T143720.25Z-");
        assertEquals(RangeUnit.CLOCK, r.unit());
        assertFalse(r.isNpt());
    }
}
