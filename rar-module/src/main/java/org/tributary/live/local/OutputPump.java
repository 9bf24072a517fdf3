package org.tributary.live.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Copies a broadcaster's output to the server log, one log line per line, prefixed with the broadcaster's
 * name; ends when the process closes its output. Overlong lines are cut.
 */
final class OutputPump implements Runnable {

    private static final Logger LOG = Logger.getLogger(OutputPump.class.getName());
    static final int MAX_LINE = 2000;

    private final String name;
    private final InputStream output;
    private final Consumer<String> log;

    OutputPump(String name, InputStream output) {
        this(name, output, LOG::info);
    }

    OutputPump(String name, InputStream output, Consumer<String> log) {
        this.name = name;
        this.output = output;
        this.log = log;
    }

    @Override
    public void run() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    log.accept(prefixed(line));
                }
            }
        } catch (IOException e) {
            log.accept(prefixed("(output lost: " + e.getMessage() + ")"));
        }
    }

    String prefixed(String line) {
        String cut = line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line;
        return "broadcaster " + name + ": " + cut;
    }
}
