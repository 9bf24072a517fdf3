package org.tributary.it.logs;

import org.tributary.ejb.logs.W3cLogParser;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Reads the access log back: the current file and every rolled one, each parsed against its #Fields. */
final class AccessLogFiles {

    private AccessLogFiles() {
    }

    /** The current file and the rolled ones beside it ({@code <stem>.<yyMMddNNN>.log}). */
    static List<Path> all(Path current) throws Exception {
        String name = current.getFileName().toString();
        String stem = name.substring(0, name.lastIndexOf('.'));
        try (Stream<Path> files = Files.list(current.getParent())) {
            return files.filter(p -> p.getFileName().toString().equals(name)
                    || p.getFileName().toString().matches(java.util.regex.Pattern.quote(stem) + "\\.\\d{6}(\\d{3}|---)\\.log"))
                    .sorted().toList();
        }
    }

    /**
     * Every file parsed. The server may roll the log while they are read (the current file is renamed and
     * comes back at the next write), so a file gone between listing and reading means: list again.
     */
    static List<W3cLogParser.Parsed> parseAll(Path current) throws Exception {
        for (int attempt = 1; ; attempt++) {
            List<W3cLogParser.Parsed> parsed = new ArrayList<>();
            try {
                for (Path file : all(current)) {
                    parsed.add(W3cLogParser.parse(file));
                }
                return parsed;
            } catch (NoSuchFileException e) {
                if (attempt == 20) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    static List<W3cLogParser.Entry> entries(Path current, Predicate<W3cLogParser.Entry> which) throws Exception {
        List<W3cLogParser.Entry> found = new ArrayList<>();
        for (W3cLogParser.Parsed parsed : parseAll(current)) {
            parsed.entries().stream().filter(which).forEach(found::add);
        }
        return found;
    }

    /** Waits (the records reach the log asynchronously) until {@code count} entries match, then returns them. */
    static List<W3cLogParser.Entry> await(Path current, Predicate<W3cLogParser.Entry> which, int count) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        List<W3cLogParser.Entry> found = entries(current, which);
        while (found.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
            found = entries(current, which);
        }
        Thread.sleep(500); // and nothing more arrives
        return entries(current, which);
    }

    static Predicate<W3cLogParser.Entry> userAgentStartsWith(String prefix) {
        return e -> {
            String ua = e.text("cs(User-Agent)");
            return ua != null && ua.startsWith(prefix);
        };
    }
}
