package org.tributary.live.local;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real process: run without a shell, its output and errors in the log under its name, its exit code seen. */
class OsProcessLauncherTest {

    @Test
    void aCommandRunsWithItsArgumentsAsGivenAndItsOutputReachesTheLog() throws Exception {
        List<String> pumps = new ArrayList<>();
        List<Runnable> loops = new ArrayList<>();
        OsProcessLauncher launcher = new OsProcessLauncher((name, loop) -> {
            pumps.add(name);
            loops.add(loop);
        });
        // sh only as the program under test: the launcher itself passes "$HOME;x" through untouched
        BroadcasterProcess p = launcher.start("probe", List.of("sh", "-c", "echo \"$1\"; echo oops >&2; exit 3",
                "sh", "$HOME;x"));
        assertTrue(p.waitFor(10_000), "the process ended");
        assertFalse(p.isAlive());
        assertEquals(3, p.exitCode());
        assertTrue(p.pid() > 0);
        assertEquals(List.of("tributary-broadcaster-probe"), pumps);
        List<String> logged = new ArrayList<>();
        Logger log = Logger.getLogger(OutputPump.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        try {
            loops.get(0).run();
        } finally {
            log.removeHandler(capture);
        }
        assertEquals(List.of("broadcaster probe: $HOME;x", "broadcaster probe: oops"), logged);
    }

    @Test
    void aMissingProgramCannotStart() {
        OsProcessLauncher launcher = new OsProcessLauncher((name, loop) -> { });
        assertThrows(IOException.class, () -> launcher.start("x", List.of("/nonexistent/tributary-no-such-program")));
    }
}
