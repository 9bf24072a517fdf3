package org.tributary.live.local;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One local broadcaster of the broadcasters file.
 *
 * @param name                unique in the file; names it in the log, the console and the API
 * @param path                the live path it publishes to, with a leading slash ({@code /live/pattern.sdp})
 * @param command             the program and its arguments, run without a shell; {@code {url}},
 *                            {@code {host}}, {@code {port}} and {@code {path}} in them are replaced when it
 *                            starts (see {@link #commandFor})
 * @param mode                always, or on demand
 * @param lingerSeconds       how long an on-demand broadcaster runs on after its last viewer left
 * @param startTimeoutSeconds how long a viewer's request waits for it to publish
 */
public record BroadcasterDefinition(String name, String path, List<String> command, StartMode mode,
                                    int lingerSeconds, int startTimeoutSeconds) {

    /** The password of a URL's user information ({@code rtsp://user:password@host}). */
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/@:\\s]*:)[^/@\\s]*@");

    public BroadcasterDefinition {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("broadcaster " + name + " has an empty command");
        }
    }

    /**
     * The arguments to run, each placeholder replaced: {@code {url}} by {@code rtsp://host:port/path},
     * {@code {host}} and {@code {port}} by the server's RTSP address, {@code {path}} by the path.
     */
    public List<String> commandFor(String host, int port) {
        String url = "rtsp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + path;
        return command.stream().map(arg -> arg.replace("{url}", url).replace("{host}", host)
                .replace("{port}", Integer.toString(port)).replace("{path}", path)).toList();
    }

    /** The command as the console, the API and the log show it: a password in a URL becomes {@code ***}. */
    public List<String> shownCommand() {
        return masked(command);
    }

    /** Arguments with each URL's password replaced by {@code ***}. */
    static List<String> masked(List<String> arguments) {
        return arguments.stream().map(arg -> URL_PASSWORD.matcher(arg).replaceAll("$1***@")).toList();
    }
}
