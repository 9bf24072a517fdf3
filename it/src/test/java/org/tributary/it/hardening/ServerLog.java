package org.tributary.it.hardening;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/** The server under test's server.log, read from the test client or from inside the server. */
final class ServerLog {

    private ServerLog() {
    }

    static Path file() {
        String dir = System.getProperty("it.log.dir", System.getProperty("jboss.server.log.dir"));
        return Path.of(dir, "server.log");
    }

    /** The WARN lines that contain every one of the fragments. */
    static List<String> warnings(String... fragments) throws IOException {
        Predicate<String> matches = line -> line.contains("WARN");
        for (String fragment : fragments) {
            matches = matches.and(line -> line.contains(fragment));
        }
        return Files.readAllLines(file(), StandardCharsets.UTF_8).stream().filter(matches).toList();
    }

    /** Waits (up to 10 s) for a WARN line that contains every fragment; returns it, or fails with null. */
    static String awaitWarning(String... fragments) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            List<String> found = warnings(fragments);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            Thread.sleep(100);
        }
    }
}
