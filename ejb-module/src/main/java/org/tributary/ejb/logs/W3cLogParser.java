package org.tributary.ejb.logs;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads W3C Extended log files: each entry is matched against the {@code #Fields} directive in force
 * where it stands. Used by the tests and by anything that wants the log back as values.
 */
public final class W3cLogParser {

    /** A line that does not fit its #Fields directive (or comes before any). */
    public static final class MalformedLogException extends Exception {
        public MalformedLogException(String message) {
            super(message);
        }
    }

    /** One parsed entry: the raw values by field name ('-' kept as is) and where it was. */
    public record Entry(Map<String, String> values, int lineNumber) {
        public String get(String field) {
            return values.get(field);
        }

        /** The value with percent-encoding undone, or null for '-'. */
        public String text(String field) {
            String raw = values.get(field);
            return raw == null || "-".equals(raw) ? null : URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        }

        public long number(String field) {
            return Long.parseLong(values.get(field));
        }
    }

    /** Everything a file holds: its directives and its entries. */
    public record Parsed(List<String> directives, List<Entry> entries) {
    }

    private W3cLogParser() {
    }

    public static Parsed parse(Path file) throws IOException, MalformedLogException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    public static Parsed parse(List<String> lines) throws MalformedLogException {
        List<String> fields = null;
        List<String> directives = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                directives.add(line);
                if (line.startsWith("#Fields:")) {
                    fields = List.of(line.substring("#Fields:".length()).trim().split(" +"));
                }
                continue;
            }
            if (fields == null) {
                throw new MalformedLogException("line " + number + " comes before any #Fields directive: " + line);
            }
            String[] values = line.split(" ", -1);
            if (values.length != fields.size()) {
                throw new MalformedLogException("line " + number + " has " + values.length + " values for "
                        + fields.size() + " fields: " + line);
            }
            Map<String, String> byName = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                if (values[i].isEmpty()) {
                    throw new MalformedLogException("line " + number + " has an empty value for " + fields.get(i));
                }
                byName.put(fields.get(i), values[i]);
            }
            entries.add(new Entry(Collections.unmodifiableMap(byName), number));
        }
        return new Parsed(directives, entries);
    }
}
