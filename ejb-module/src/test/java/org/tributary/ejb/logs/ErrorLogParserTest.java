package org.tributary.ejb.logs;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ErrorLogParserTest {

    private static final List<String> LOG = List.of(
            "2026-11-25 15:00:58: INFO: [RtspServer] RTSP listening on /127.0.0.1:8554",
            "2026-11-25 15:01:12: WARNING: [FirstAdmin] Created the console admin account",
            "2026-11-25 15:01:13: SEVERE: [AccessLog] cannot write",
            "java.io.IOException: disk full",
            "\tat org.tributary.ejb.logs.AccessLog.write(AccessLog.java:10)",
            "2026-11-25 15:01:14: DEBUG: [Sampler] sampled",
            "2026-11-25 15:01:15: ERROR: [X] last");

    @Test
    void keepsTheLastEntriesAtOrAboveALevelWithTheirStackTraces() {
        List<ErrorLogLine> warn = ErrorLogParser.tail(LOG, 10, "WARN");
        assertEquals(List.of("WARN", "ERROR", "ERROR"), warn.stream().map(ErrorLogLine::level).toList());
        assertEquals("[AccessLog] cannot write\njava.io.IOException: disk full\n"
                + "\tat org.tributary.ejb.logs.AccessLog.write(AccessLog.java:10)", warn.get(1).message());
        assertEquals("2026-11-25 15:01:12", warn.get(0).time());
        assertEquals(5, ErrorLogParser.tail(LOG, 10, "TRACE").size());
        assertEquals(List.of("[Sampler] sampled", "[X] last"),
                ErrorLogParser.tail(LOG, 2, "DEBUG").stream().map(ErrorLogLine::message).toList());
    }

    @Test
    void levelsAreNamedOneWay() {
        assertEquals("WARN", ErrorLogParser.level(" warning "));
        assertEquals("ERROR", ErrorLogParser.level("Severe"));
        assertEquals("INFO", ErrorLogParser.level("info"));
        assertThrows(IllegalArgumentException.class, () -> ErrorLogParser.level("LOUD"));
    }

    @Test
    void linesBeforeTheFirstEntryAreIgnored() {
        assertEquals(List.of("[X] y"), ErrorLogParser.tail(List.of("tail of a cut line", "2026-01-01 00:00:00: INFO: [X] y"),
                5, "INFO").stream().map(ErrorLogLine::message).toList());
    }
}
