package org.tributary.web.console.live;

import org.tributary.api.LocalBroadcasterInfo;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One line of the Local broadcasters page, from the adapter's {@link LocalBroadcasterInfo} at one instant.
 *
 * @param name     the broadcaster's name
 * @param path     the live path it publishes
 * @param mode     "always", or "on-demand, 10 s linger"
 * @param command  its arguments joined by blanks, each with a blank or quote in it quoted (read-only)
 * @param state    stopped, starting, running, backing off or stopping
 * @param pid      the process id, "—" when none runs
 * @param restarts restarts after exits
 * @param lastExit "code 1, 12 s ago" or "—"
 * @param viewers  viewers of its path now
 * @param running  whether a process runs (or is about to): Stop rather than Start
 */
public record LocalBroadcasterRow(String name, String path, String mode, String command, String state, String pid,
                                  long restarts, String lastExit, int viewers, boolean running)
        implements Serializable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public static LocalBroadcasterRow of(LocalBroadcasterInfo b, Instant now) {
        String mode = "on-demand".equals(b.mode()) ? "on-demand, " + b.lingerSeconds() + " s linger" : b.mode();
        String lastExit = b.lastExitAt() == null ? "—" : (b.lastExitCode() == null ? "did not start"
                : "code " + b.lastExitCode()) + ", " + ago(b.lastExitAt(), now);
        return new LocalBroadcasterRow(b.name(), "/" + b.path(), mode, joined(b), b.state(),
                b.pid() < 0 ? "—" : Long.toString(b.pid()), b.restarts(), lastExit, b.viewers(),
                !"stopped".equals(b.state()) && !"stopping".equals(b.state()));
    }

    private static String ago(Instant then, Instant now) {
        long seconds = Duration.between(then, now).toSeconds();
        return seconds < 0 || seconds >= 3600 ? TIME.format(then) : seconds + " s ago";
    }

    private static String joined(LocalBroadcasterInfo b) {
        StringBuilder out = new StringBuilder();
        for (String arg : b.command()) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            boolean quote = arg.isEmpty() || arg.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'');
            out.append(quote ? "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : arg);
        }
        return out.toString();
    }
}
