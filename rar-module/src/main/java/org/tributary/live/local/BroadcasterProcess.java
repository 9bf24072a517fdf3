package org.tributary.live.local;

import java.io.IOException;
import java.util.List;

/** A running broadcaster command, as the supervisor sees it (an OS process, or a fake in tests). */
interface BroadcasterProcess {

    /** Starts commands; one per supervisor. */
    interface Launcher {
        /**
         * @param name    the broadcaster's name, for its output's log lines
         * @param command the program and its arguments, placeholders replaced
         * @throws IOException when the program cannot be started (not found, not executable)
         */
        BroadcasterProcess start(String name, List<String> command) throws IOException;
    }

    long pid();

    boolean isAlive();

    /** Its exit code; only once it is no longer alive. */
    int exitCode();

    /** Asks it to end (SIGTERM). */
    void destroy();

    /** Ends it (SIGKILL). */
    void destroyForcibly();

    /** Waits at most that long for it to end; true when it ended. */
    boolean waitFor(long millis) throws InterruptedException;
}
