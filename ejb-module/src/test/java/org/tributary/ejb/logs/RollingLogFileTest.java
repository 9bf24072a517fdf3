package org.tributary.ejb.logs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RollingLogFileTest {

    @TempDir
    Path dir;

    private final W3cAccessLogFormat format = new W3cAccessLogFormat("Tributary/test", ZoneOffset.UTC);

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2025-03-04T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void rollsBySizeAndEveryFileStartsWithTheDirectives() throws Exception {
        MovableClock clock = new MovableClock();
        Path file = dir.resolve("access.log");
        try (RollingLogFile log = new RollingLogFile(file, format::header, 2000, 0, clock, ZoneOffset.UTC)) {
            for (int i = 0; i < 40; i++) {
                log.append(format.line(Records.session("/clip-" + i + ".mp4", null, i, i, 0)));
            }
        }
        List<Path> files = files();
        assertTrue(files.size() >= 4, "several files: " + files);
        assertEquals(file, files.get(files.size() - 1), "the current file keeps its name");
        assertEquals("access.250304000.log", files.get(0).getFileName().toString());
        assertEquals("access.250304001.log", files.get(1).getFileName().toString());
        int entries = 0;
        for (Path f : files) {
            assertTrue(Files.size(f) <= 2000 || f.equals(file), f + " is within the limit");
            W3cLogParser.Parsed parsed = W3cLogParser.parse(f);
            assertTrue(parsed.directives().get(0).startsWith("#Log File Created On: "), f.toString());
            assertTrue(parsed.directives().stream().anyMatch(d -> d.startsWith("#Fields: c-ip date time")), f.toString());
            assertTrue(parsed.entries().size() >= 1, "no file is only a header");
            entries += parsed.entries().size();
        }
        assertEquals(40, entries, "no line lost or repeated across rolls");
    }

    @Test
    void rollsByAgeAtTheFirstWriteOnTheDayTheIntervalEnds() throws Exception {
        MovableClock clock = new MovableClock();
        Path file = dir.resolve("access.log");
        try (RollingLogFile log = new RollingLogFile(file, format::header, 0, 7, clock, ZoneOffset.UTC)) {
            log.append("first");
            clock.now = clock.now.plus(Duration.ofDays(6)).plus(Duration.ofHours(13)); // 03-10 23:00
            log.append("six days later");
            assertEquals(1, files().size());
            assertTrue(!log.rollIfOld());
            clock.now = clock.now.plus(Duration.ofHours(2)); // 03-11 01:00
            assertTrue(log.rollIfOld(), "the hourly check rolls on day 7");
            log.append("new file");
        }
        assertEquals(List.of(dir.resolve("access.250304000.log"), file), files());
        assertTrue(Files.readString(file).startsWith("#Log File Created On: 03/11/2025 01:00:00\n"));
        assertTrue(Files.readString(dir.resolve("access.250304000.log")).endsWith("first\nsix days later\n"));
    }

    @Test
    void aRestartKeepsAppendingAndKeepsTheFileAge() throws Exception {
        MovableClock clock = new MovableClock();
        Path file = dir.resolve("access.log");
        try (RollingLogFile log = new RollingLogFile(file, format::header, 0, 7, clock, ZoneOffset.UTC)) {
            log.append("before restart");
        }
        clock.now = clock.now.plus(Duration.ofDays(3));
        try (RollingLogFile log = new RollingLogFile(file, format::header, 0, 7, clock, ZoneOffset.UTC)) {
            log.append("after restart");
        }
        assertEquals(1, files().size());
        String text = Files.readString(file);
        assertEquals(1, text.split("#Fields:", -1).length - 1, "one header");
        assertTrue(text.endsWith("before restart\nafter restart\n"));
        clock.now = clock.now.plus(Duration.ofDays(4));
        try (RollingLogFile log = new RollingLogFile(file, format::header, 0, 7, clock, ZoneOffset.UTC)) {
            log.append("a week after creation");
        }
        assertEquals(2, files().size(), "the age counted from the creation remark, not from the restart");
    }

    @Test
    void aFileNotStartedByTheWriterIsSetAside() throws Exception {
        Path file = dir.resolve("access.log");
        Files.writeString(file, "something else\n");
        try (RollingLogFile log = new RollingLogFile(file, format::header, 0, 0, new MovableClock(), ZoneOffset.UTC)) {
            log.append("x");
        }
        assertEquals(2, files().size());
        assertTrue(Files.readString(file).startsWith("#Log File Created On:"));
    }

    @Test
    void aFileBegunWithOtherFieldsGetsTheNewFieldsBeforeTheNextLine() throws Exception {
        MovableClock clock = new MovableClock();
        Path file = dir.resolve("access.log");
        List<String> darwinFields = W3cAccessLogFormat.FIELDS.subList(0, 39);
        java.util.function.Function<Instant, List<String>> olderHeader = at -> format.header(at).stream()
                .map(line -> line.startsWith("#Fields:") ? "#Fields: " + String.join(" ", darwinFields) : line)
                .toList();
        List<String> values = List.of(format.line(Records.session("/old.mp4", null, 1, 1, 0)).split(" "));
        String olderLine = String.join(" ", values.subList(0, 39));
        try (RollingLogFile log = new RollingLogFile(file, olderHeader, 0, 0, clock, ZoneOffset.UTC)) {
            log.append(olderLine);
        }
        try (RollingLogFile log = new RollingLogFile(file, format::header, 0, 0, clock, ZoneOffset.UTC)) {
            log.append(format.line(Records.session("/new.mp4", null, 1, 1, 0)));
        }
        try (RollingLogFile log = new RollingLogFile(file, format::header, 0, 0, clock, ZoneOffset.UTC)) {
            log.append(format.line(Records.session("/newer.mp4", null, 1, 1, 0)));
        }
        String text = Files.readString(file);
        assertEquals(2, text.split("#Fields:", -1).length - 1, "the new directive written once, not at every start");
        W3cLogParser.Parsed parsed = W3cLogParser.parse(file);
        assertEquals(3, parsed.entries().size());
        assertEquals(null, parsed.entries().get(0).get("x-rtx-sent"), "the older line has Darwin's fields only");
        assertEquals("/old.mp4", parsed.entries().get(0).text("cs-uri-stem"));
        assertEquals("0", parsed.entries().get(1).get("x-rtx-sent"));
        assertEquals("/newer.mp4", parsed.entries().get(2).text("cs-uri-stem"));
    }
}
