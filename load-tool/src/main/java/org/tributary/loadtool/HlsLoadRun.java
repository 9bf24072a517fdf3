package org.tributary.loadtool;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.tributary.loadtool.hls.HlsViewer;
import org.tributary.loadtool.hls.HttpFetcher;
import org.tributary.loadtool.report.Percentiles;
import org.tributary.loadtool.report.RunSummary;
import org.tributary.loadtool.report.ViewerOutcome;

/**
 * One HLS load run: starts viewers at the given rate, holds for the given duration once every viewer has loaded
 * its first media segment (or failed to), stops them all, lets the loads in flight end and computes the summary.
 * The viewers share one HTTP client, a few threads for its answers and one timer thread for their pacing, so
 * a thousand viewers need no thread each. Every wait is bounded.
 */
final class HlsLoadRun {
    private final LoadToolOptions options;
    private final PrintStream live;
    private final List<HlsViewer> viewers = new CopyOnWriteArrayList<>();
    private final ErrorCounts errors = new ErrorCounts();

    HlsLoadRun(LoadToolOptions options, PrintStream live) {
        this.options = options;
        this.live = live;
    }

    RunSummary execute() throws InterruptedException {
        String startedAt = Instant.now().toString();
        UrlPicker picker = new UrlPicker(options.urls, options.urlOrder);
        for (String u : options.urls) {
            playlistUrl(u);
        }
        ExecutorService answers = Executors.newFixedThreadPool(options.receiverThreads, DaemonThreads.named("hls-http-"));
        ScheduledThreadPoolExecutor pacer = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("hls-pacer-"));
        // A stopped viewer cancels its timers: drop them at once instead of at their due time.
        pacer.setRemoveOnCancelPolicy(true);
        HttpFetcher http = new HttpFetcher(Duration.ofMillis((long) (options.httpTimeoutSeconds * 1000)), answers);

        RunMonitors monitors = new RunMonitors(options.serverPid);
        long t0 = System.nanoTime();
        monitors.begin();
        if (options.reportIntervalSeconds > 0 && !options.quiet) {
            monitors.reportEvery(options.reportIntervalSeconds, live, () -> liveLine(t0));
        }

        // Ramp: viewer i starts at t0 + i / rate; the hold starts once every viewer's first segment load has ended.
        CountDownLatch startups = new CountDownLatch(options.sessions);
        for (int i = 0; i < options.sessions; i++) {
            Ramp.sleepUntil(Ramp.due(t0, i, options.rate));
            HlsViewer viewer = new HlsViewer(playlistUrl(picker.pick(i)), http, pacer, errors::add,
                    startups::countDown);
            viewers.add(viewer);
            viewer.start();
        }
        if (!startups.await((long) (options.setupTimeoutSeconds * 1000), TimeUnit.MILLISECONDS)) {
            live.println("setup timeout: " + startups.getCount() + " viewers still without a first segment; holding anyway");
        }
        long rampEnd = System.nanoTime();
        Ramp.sleepUntil(rampEnd + (long) (options.durationSeconds * 1e9));
        long holdEnd = System.nanoTime();

        for (HlsViewer v : viewers) {
            v.stop(holdEnd);
        }
        if (!http.awaitIdle((long) (options.teardownGraceSeconds * 1000))) {
            live.println(http.inFlight() + " HTTP loads still running at the end; not waiting for them");
        }
        monitors.end();
        pacer.shutdownNow();
        answers.shutdownNow();
        long end = System.nanoTime();

        List<ViewerOutcome> outcomes = new ArrayList<>();
        for (HlsViewer v : viewers) {
            outcomes.add(v.outcome(end));
        }
        RunSummary.RunInfo info = new RunSummary.RunInfo(options.label, options.urls, "hls", options.sessions,
                (rampEnd - t0) / 1e9, (holdEnd - rampEnd) / 1e9, (end - t0) / 1e9, startedAt);
        return RunSummary.computeHls(info, outcomes, errors.snapshot(), monitors.server(), monitors.self());
    }

    /** The URL as given (query included), refused unless it is an absolute http(s) URL with a host. */
    private static URI playlistUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + url, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("an HLS URL is http(s)://host[:port]/path: " + url);
        }
        return uri;
    }


    private String liveLine(long t0) {
        long now = System.nanoTime();
        int playing = 0;
        int failed = 0;
        int stalling = 0;
        long segments = 0;
        long bytes = 0;
        long stalls = 0;
        List<Double> firstSegment = new ArrayList<>();
        for (HlsViewer v : viewers) {
            HlsViewer.State state = v.state();
            if (state == HlsViewer.State.PLAYING) {
                playing++;
            } else if (state == HlsViewer.State.FAILED) {
                failed++;
            }
            if (v.stalling(now)) {
                stalling++;
            }
            ViewerOutcome o = v.outcome(now);
            segments += o.segments();
            bytes += o.bytes();
            stalls += o.stalls();
            if (o.played()) {
                firstSegment.add(o.firstSegmentMs());
            }
        }
        double elapsed = (now - t0) / 1e9;
        Percentiles first = new Percentiles(firstSegment);
        return String.format(Locale.ROOT,
                "[%6.1fs] viewers %d/%d playing %d failed %d stalling %d | segments %d, %.0f kbit/s avg"
                        + " | stalls %d | 1st segment p50 %.0f p99 %.0f ms",
                elapsed, viewers.size(), options.sessions, playing, failed, stalling, segments,
                bytes * 8 / 1000.0 / Math.max(elapsed, 0.001), stalls, first.p50(), first.p99());
    }
}
