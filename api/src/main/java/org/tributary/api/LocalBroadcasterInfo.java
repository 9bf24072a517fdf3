package org.tributary.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One local broadcaster (a command the server runs to publish a live path, defined in the server's
 * broadcasters file) as the adapter sees it, for the console and the API. The command is read-only.
 *
 * @param name                the broadcaster's name in the file
 * @param path                the live path it publishes to, relative to the media root
 * @param mode                "always" or "on-demand"
 * @param command             its arguments as defined, placeholders not yet replaced, a password in a
 *                            URL shown as {@code ***}
 * @param state               "stopped", "starting" (running, not published yet), "running" (published),
 *                            "backing off" (exited, restarting after a delay) or "stopping"
 * @param pid                 the operating system's process id, or -1 when no process runs
 * @param restarts            how often it was restarted after exiting on its own
 * @param lastExitCode        the exit code of its last process, or null when none exited yet
 * @param lastExitAt          when its last process exited, or null
 * @param viewers             readers of the stream at its path now
 * @param lingerSeconds       how long an on-demand broadcaster runs on after its last viewer left
 * @param startTimeoutSeconds how long a viewer waits for it to publish
 */
public record LocalBroadcasterInfo(String name,
                                   String path,
                                   String mode,
                                   List<String> command,
                                   String state,
                                   long pid,
                                   long restarts,
                                   Integer lastExitCode,
                                   Instant lastExitAt,
                                   int viewers,
                                   int lingerSeconds,
                                   int startTimeoutSeconds) implements Serializable {

    public LocalBroadcasterInfo {
        command = List.copyOf(command);
    }
}
