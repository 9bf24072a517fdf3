package org.tributary.loadtool;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.tributary.loadtool.report.ProcessMonitor;

/**
 * The processes a run measures, whatever the protocol: the server's CPU and RSS (when a PID is given) and the
 * load tool's own, sampled every second on one reporter thread, which also prints the run's live lines with
 * those figures appended.
 */
final class RunMonitors {
    private final ProcessMonitor server;
    private final ProcessMonitor self = new ProcessMonitor("self");
    private final ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "load-reporter");
        t.setDaemon(true);
        return t;
    });

    /** @param serverPid the server's PID, or null to measure only the load tool */
    RunMonitors(String serverPid) {
        this.server = serverPid == null ? null : new ProcessMonitor(serverPid);
    }

    /** Starts the measurement window and the once-a-second sampling. */
    void begin() {
        if (server != null) {
            server.begin();
        }
        self.begin();
        reporter.scheduleAtFixedRate(() -> {
            if (server != null) {
                server.sample();
            }
            self.sample();
        }, 1, 1, TimeUnit.SECONDS);
    }

    /** Prints the run's line, then the processes' recent CPU, every {@code seconds}. */
    void reportEvery(double seconds, PrintStream live, Supplier<String> runLine) {
        long every = (long) (seconds * 1000);
        reporter.scheduleAtFixedRate(() -> reportNow(live, runLine), every, every, TimeUnit.MILLISECONDS);
    }

    /** Prints the run's line once now (the last one, when the hold ends, however short the run was). */
    void reportNow(PrintStream live, Supplier<String> runLine) {
        try {
            live.println(runLine.get() + processes());
        } catch (RuntimeException e) {
            live.println("live report failed: " + e);
        }
    }

    private String processes() {
        StringBuilder line = new StringBuilder();
        if (server != null) {
            line.append(String.format(Locale.ROOT, " | server cpu %.0f%% rss %d MB", server.recentCpuPercent(),
                    server.peakRssKb() / 1024));
        }
        line.append(String.format(Locale.ROOT, " | tool cpu %.0f%%", self.recentCpuPercent()));
        return line.toString();
    }

    /** Ends the measurement window and stops the reporter thread. */
    void end() {
        if (server != null) {
            server.end();
        }
        self.end();
        reporter.shutdownNow();
    }

    /** The server's monitor, or null when no PID was given. */
    ProcessMonitor server() {
        return server;
    }

    ProcessMonitor self() {
        return self;
    }
}
