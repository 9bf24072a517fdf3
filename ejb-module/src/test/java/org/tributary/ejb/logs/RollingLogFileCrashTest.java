package org.tributary.ejb.logs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kill -9 of a JVM writing the log leaves files that parse, with no gap in the lines written. */
class RollingLogFileCrashTest {

    @TempDir
    Path dir;

    @Test
    void aKilledWriterLeavesAParseableLog() throws Exception {
        Path file = dir.resolve("access.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LogWriterCrashMain.class.getName(), file.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("writer.out").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (files().size() < 4 && System.nanoTime() < deadline && writer.isAlive()) {
                Thread.sleep(20);
            }
            assertTrue(writer.isAlive(), "the writer runs: " + Files.readString(dir.resolve("writer.out")));
        } finally {
            writer.destroyForcibly(); // SIGKILL: no shutdown hook, no finally in the writer
            writer.waitFor(10, TimeUnit.SECONDS);
        }
        assertEquals(137, writer.exitValue(), "killed by SIGKILL");

        List<Long> numbers = new ArrayList<>();
        List<Path> logs = files();
        assertTrue(logs.size() >= 4, "the writer rolled several times: " + logs);
        for (Path log : logs) {
            for (W3cLogParser.Entry e : W3cLogParser.parse(log).entries()) {
                String stem = e.get("cs-uri-stem");
                numbers.add(Long.parseLong(stem.substring("/clip-".length(), stem.length() - ".mp4".length())));
            }
        }
        numbers.sort(Long::compare);
        for (int i = 0; i < numbers.size(); i++) {
            assertEquals(i, numbers.get(i), "line " + i + " is there exactly once");
        }
        assertTrue(numbers.size() > 50, "lines written: " + numbers.size());
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("access.")).sorted().toList();
        }
    }
}
