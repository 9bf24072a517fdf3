package org.tributary.loadtool;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.tributary.loadtool.publish.PublishSettings;
import org.tributary.loadtool.publish.Publisher;
import org.tributary.loadtool.report.Percentiles;
import org.tributary.loadtool.report.RunSummary;
import org.tributary.loadtool.report.SessionOutcome;
import org.tributary.loadtool.rtp.ReceiverLoop;
import org.tributary.loadtool.rtp.TrackStats;
import org.tributary.loadtool.rtp.UdpPortAllocator;
import org.tributary.loadtool.rtsp.RtspUrl;

/**
 * One RTSP load run: ramps sessions up at the given rate on a pool of connect threads, hands playing
 * sessions to a few receiver loops, holds for the given duration, tears everything down and
 * computes the summary. Every wait is bounded.
 */
final class RtspLoadRun {
    private final LoadToolOptions options;
    private final PrintStream live;
    private final List<LoadSession> sessions = new CopyOnWriteArrayList<>();
    private final ErrorCounts errors = new ErrorCounts();
    private volatile boolean stopping;

    RtspLoadRun(LoadToolOptions options, PrintStream live) {
        this.options = options;
        this.live = live;
    }

    RunSummary execute() throws InterruptedException {
        String startedAt = Instant.now().toString();
        UrlPicker picker = new UrlPicker(options.urls, options.urlOrder);
        for (String u : options.urls) {
            RtspUrl.parse(u);
        }
        UdpPortAllocator ports = new UdpPortAllocator(options.bindAddress, options.udpPortBase,
                options.udpReceiveBuffer);
        List<ReceiverLoop> loops = new ArrayList<>();
        for (int i = 0; i < options.receiverThreads; i++) {
            ReceiverLoop loop = new ReceiverLoop("rtp-receiver-" + i, options.udpReadsPerWakeup);
            loop.start();
            loops.add(loop);
        }
        ExecutorService connectors = Executors.newFixedThreadPool(options.connectThreads,
                DaemonThreads.named("rtsp-connect-"));

        List<Publisher> publishers = startPublishers(ports);
        if (!publishers.isEmpty() && options.publishLeadSeconds > 0) {
            Thread.sleep((long) (options.publishLeadSeconds * 1000));
        }
        RunMonitors monitors = new RunMonitors(options.serverPid);
        long t0 = System.nanoTime();
        monitors.begin();
        if (options.reportIntervalSeconds > 0 && !options.quiet) {
            monitors.reportEvery(options.reportIntervalSeconds, live, () -> liveLine(t0));
        }

        // Ramp: session i starts at t0 + i / rate; the hold starts once every handshake has ended.
        CountDownLatch handshakes = new CountDownLatch(options.sessions);
        for (int i = 0; i < options.sessions; i++) {
            Ramp.sleepUntil(Ramp.due(t0, i, options.rate));
            RtspUrl url = RtspUrl.parse(picker.pick(i));
            LoadSession session = new LoadSession(url, options, ports, errors, i);
            sessions.add(session);
            ReceiverLoop loop = loops.get(i % loops.size());
            connectors.execute(() -> {
                try {
                    if (session.handshake(() -> stopping, loop)) {
                        session.startReceiving(loop);
                    } else {
                        session.closeAll();
                    }
                } finally {
                    handshakes.countDown();
                }
            });
        }
        if (!handshakes.await((long) (options.setupTimeoutSeconds * 1000), TimeUnit.MILLISECONDS)) {
            live.println("setup timeout: " + handshakes.getCount() + " handshakes still running; holding anyway");
        }
        long rampEnd = System.nanoTime();
        Ramp.sleepUntil(rampEnd + (long) (options.durationSeconds * 1e9));
        long holdEnd = System.nanoTime();
        if (options.reportIntervalSeconds > 0 && !options.quiet) {
            monitors.reportNow(live, () -> liveLine(t0)); // the state at the end of the hold
        }

        stopping = true;
        connectors.shutdown();
        long handshakeBound = (long) (options.rtspTimeoutSeconds * 1000) * 2 + 1000;
        if (!connectors.awaitTermination(handshakeBound, TimeUnit.MILLISECONDS)) {
            connectors.shutdownNow();
        }
        long grace = (long) (options.teardownGraceSeconds * 1000);
        for (ReceiverLoop loop : loops) {
            loop.shutdown(grace);
        }
        for (ReceiverLoop loop : loops) {
            loop.awaitTermination(grace + 2000);
        }
        for (Publisher p : publishers) {
            p.close();
            live.println("publisher " + p.url() + ": " + p.packetsSent() + " RTP packets, " + p.bytesSent()
                    + " bytes sent" + (p.failure() == null ? "" : ", failed: " + p.failure()));
            if (p.failure() != null) {
                errors.add("PUBLISH-" + p.failure().replaceAll(" .*", ""));
            }
        }
        monitors.end();
        long end = System.nanoTime();

        List<SessionOutcome> outcomes = new ArrayList<>();
        for (LoadSession s : sessions) {
            s.markNoMedia();
            outcomes.add(s.outcome(end));
        }
        RunSummary.RunInfo info = new RunSummary.RunInfo(options.label, options.urls,
                options.transport.name().toLowerCase(Locale.ROOT), options.sessions, (rampEnd - t0) / 1e9,
                (holdEnd - rampEnd) / 1e9, (end - t0) / 1e9, startedAt);
        long wakeups = 0;
        long datagrams = 0;
        long emptyReads = 0;
        for (ReceiverLoop loop : loops) {
            wakeups += loop.udpReads().wakeups();
            datagrams += loop.udpReads().datagrams();
            emptyReads += loop.udpReads().emptyReads();
        }
        return RunSummary.compute(info, outcomes, errors.snapshot(), monitors.server(), monitors.self())
                .withUdpReads(wakeups, datagrams, emptyReads);
    }

    /**
     * Publisher i publishes URL i (round robin; the --publish-url ones if given, else the viewers') and starts sending once its RECORD is answered; the
     * viewers start after all of them. A refused publisher is counted as an error.
     */
    private List<Publisher> startPublishers(UdpPortAllocator ports) {
        PublishSettings settings = new PublishSettings(options.publishUdp, options.publishBitrate, options.publishFps,
                options.publishGop, options.publishMaxPayload, (int) (options.rtspTimeoutSeconds * 1000));
        List<Publisher> started = new ArrayList<>();
        List<String> urls = options.publishUrls.isEmpty() ? options.urls : options.publishUrls;
        for (int i = 0; i < options.publish; i++) {
            Publisher p = new Publisher(RtspUrl.parse(urls.get(i % urls.size())), settings, ports, i);
            if (p.start()) {
                p.startSending();
                started.add(p);
            } else {
                live.println("publisher " + p.url() + " refused: " + p.failure());
                errors.add("PUBLISH-" + p.failure().replaceAll(" .*", ""));
                p.close();
            }
        }
        return started;
    }

    private String liveLine(long t0) {
        int playing = 0;
        int failed = 0;
        long received = 0;
        long lost = 0;
        long expected = 0;
        long bytes = 0;
        List<Double> jitter = new ArrayList<>();
        for (LoadSession s : sessions) {
            if (s.isPlaying()) {
                playing++;
            } else if (s.state() == LoadSession.State.FAILED) {
                failed++;
            }
            for (TrackStats t : s.trackStats()) {
                received += t.received();
                lost += t.lost();
                expected += t.expected();
                bytes += t.bytes();
                if (t.received() > 1) {
                    jitter.add(t.jitterMs());
                }
            }
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        return String.format(Locale.ROOT,
                "[%6.1fs] sessions %d/%d playing %d failed %d | pkts %d lost %d (%.3f%%) | %.0f kbit/s avg"
                        + " | jitter p50 %.2f p99 %.2f ms",
                elapsed, sessions.size(), options.sessions, playing, failed, received, lost,
                expected == 0 ? 0.0 : 100.0 * lost / expected, bytes * 8 / 1000.0 / Math.max(elapsed, 0.001),
                new Percentiles(jitter).p50(), new Percentiles(jitter).p99());
    }
}
