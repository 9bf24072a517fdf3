package org.tributary.loadtool;

import java.io.PrintStream;
import org.tributary.loadtool.report.RunSummary;

/**
 * One load run. It only chooses who runs it: {@link HlsLoadRun} for http(s):// playlist URLs, {@link RtspLoadRun}
 * for rtsp:// ones; each ramps up, holds, ends and computes its {@link RunSummary}.
 */
public final class LoadRun {
    private final LoadToolOptions options;
    private final PrintStream live;

    public LoadRun(LoadToolOptions options, PrintStream live) {
        this.options = options;
        this.live = live;
    }

    public RunSummary execute() throws InterruptedException {
        return options.isHls() ? new HlsLoadRun(options, live).execute() : new RtspLoadRun(options, live).execute();
    }
}
