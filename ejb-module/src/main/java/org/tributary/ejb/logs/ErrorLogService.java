package org.tributary.ejb.logs;

import jakarta.ejb.Stateless;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The tail of the error log ({@code tributary-error.log} in the server's log folder), for the console's
 * Logs page. Only the last megabyte is read: the file rolls at 256 KB, so that is all of it in practice.
 */
@Stateless
public class ErrorLogService {

    public static final int MAX_LINES = 5000;
    private static final long READ_BYTES = 1024 * 1024;

    /**
     * The last entries, oldest first.
     *
     * @param maxLines 1 to {@value #MAX_LINES}
     * @param minLevel TRACE, DEBUG, INFO, WARN or ERROR (any case; null = every level)
     * @throws IllegalArgumentException for a line count or level out of range
     */
    public List<ErrorLogLine> tail(int maxLines, String minLevel) {
        if (maxLines < 1 || maxLines > MAX_LINES) {
            throw new IllegalArgumentException("lines must be between 1 and " + MAX_LINES);
        }
        String level = minLevel == null || minLevel.isBlank() ? "TRACE" : ErrorLogParser.level(minLevel);
        Path file = file();
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return ErrorLogParser.tail(lastLines(file), maxLines, level);
    }

    /** Where the error log is. */
    private Path file() {
        return Path.of(System.getProperty("jboss.server.log.dir", "log"), "tributary-error.log");
    }

    private static List<String> lastLines(Path file) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long start = Math.max(0, length - READ_BYTES);
            byte[] bytes = new byte[(int) (length - start)];
            in.seek(start);
            in.readFully(bytes);
            List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n"));
            // Reading from the middle of the file cuts the first line: drop it.
            return start > 0 && !lines.isEmpty() ? lines.subList(1, lines.size()) : lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
