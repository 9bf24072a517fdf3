package org.tributary.loadtool;

import java.io.PrintStream;
import org.tributary.loadtool.report.RunSummary;

/**
 * One load run. It only chooses who runs it: {@link RtspLoadRun} for rtsp:// URLs; each run ramps up,
 * holds, ends and computes its {@link RunSummary}.
 */
public final class LoadRun {
    private final LoadToolOptions options;
    private final PrintStream live;

    public LoadRun(LoadToolOptions options, PrintStream live) {
        this.options = options;
        this.live = live;
    }

    public RunSummary execute() throws InterruptedException {
        return new RtspLoadRun(options, live).execute();
    }
}
