package org.tributary.live.local;

import org.tributary.stream.Backoff;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One local broadcaster's life: wanted or not, its process, the restarts after exits (with {@link Backoff}),
 * the linger after the last viewer for an on-demand one, and the grace a stopping process gets before it
 * is killed. Moves only when asked ({@link #want}, {@link #unwant}) and on each {@link #tick}; every time is
 * the caller's {@code nowNanos}, so tests drive it with a fake clock.
 */
final class LocalBroadcaster {

    private static final Logger LOG = Logger.getLogger(LocalBroadcaster.class.getName());

    /** What it is doing, as the console and the API show it. */
    enum State {
        STOPPED("stopped"), STARTING("starting"), RUNNING("running"), BACKING_OFF("backing off"),
        STOPPING("stopping");

        final String word;

        State(String word) {
            this.word = word;
        }
    }

    private final BroadcasterDefinition definition;
    private final Supplier<List<String>> command;
    private final BroadcasterProcess.Launcher launcher;
    private final Backoff backoff;
    private final long graceNanos;
    private final Clock wallClock;

    private BroadcasterProcess process;
    private boolean wanted;
    /** Started by an operator (or always on): no linger stop. */
    private boolean held;
    private int exitsInARow;
    private long restarts;
    private long startedAtNanos;
    private long nextStartNanos;
    private long lastDemandNanos;
    private long killAtNanos;
    private boolean killed;
    private Integer lastExitCode;
    private Instant lastExitAt;

    /**
     * @param command    the definition's command with its placeholders replaced, asked at each start (the
     *                   server's RTSP port may have moved)
     * @param graceNanos how long a stopping process has between SIGTERM and SIGKILL
     * @param wallClock  stamps the last exit
     */
    LocalBroadcaster(BroadcasterDefinition definition, Supplier<List<String>> command, BroadcasterProcess.Launcher launcher,
                     Backoff backoff, long graceNanos, Clock wallClock) {
        this.definition = definition;
        this.command = command;
        this.launcher = launcher;
        this.backoff = backoff;
        this.graceNanos = graceNanos;
        this.wallClock = wallClock;
    }

    BroadcasterDefinition definition() {
        return definition;
    }

    /**
     * Wants it running: starts its process now unless one runs or a restart is already scheduled.
     *
     * @param hold an operator's start, or an always-on broadcaster: it runs until {@link #unwant}, viewers or not;
     *             else a viewer's demand, which lasts the linger time after the last viewer
     */
    synchronized void want(boolean hold, long nowNanos) {
        if (process != null && !process.isAlive()) {
            exited(nowNanos);
        }
        boolean launchNow = process == null && (!wanted || hold);
        wanted = true;
        held |= hold;
        lastDemandNanos = nowNanos;
        if (launchNow) {
            exitsInARow = 0; // a new start, or an operator's, does not wait out a backoff
            launch(nowNanos, false);
        }
    }

    /** No longer wanted: its process gets SIGTERM now and SIGKILL after the grace period. */
    synchronized void unwant(long nowNanos) {
        wanted = false;
        held = false;
        exitsInARow = 0;
        if (process != null && process.isAlive()) {
            process.destroy();
            killAtNanos = nowNanos + graceNanos;
            killed = false;
        }
    }

    /**
     * One round: notes an exit (and schedules the restart), restarts when the backoff is over, kills a
     * process past its grace, and stops an on-demand broadcaster nobody watched for its linger time.
     *
     * @param viewers   readers of the stream at its path now
     */
    synchronized void tick(long nowNanos, int viewers) {
        if (process != null && !process.isAlive()) {
            exited(nowNanos);
        }
        if (process != null && !wanted && !killed && nowNanos - killAtNanos >= 0) {
            LOG.warning("broadcaster " + definition.name() + " did not end within "
                    + TimeUnit.NANOSECONDS.toSeconds(graceNanos) + " s of SIGTERM: killing it");
            process.destroyForcibly();
            killed = true;
        }
        if (wanted && process == null && nowNanos - nextStartNanos >= 0) {
            launch(nowNanos, true);
        }
        if (viewers > 0) {
            lastDemandNanos = nowNanos;
        } else if (wanted && !held && definition.mode() == StartMode.ON_DEMAND
                && nowNanos - lastDemandNanos >= TimeUnit.SECONDS.toNanos(definition.lingerSeconds())) {
            LOG.info("broadcaster " + definition.name() + ": no viewer for " + definition.lingerSeconds()
                    + " s, stopping it");
            unwant(nowNanos);
        }
    }

    private void exited(long nowNanos) {
        lastExitCode = process.exitCode();
        lastExitAt = wallClock.instant();
        long ran = nowNanos - startedAtNanos;
        process = null;
        if (!wanted) {
            LOG.info("broadcaster " + definition.name() + " stopped (exit code " + lastExitCode + ")");
            return;
        }
        scheduleRestart(nowNanos, ran, "exited with code " + lastExitCode);
    }

    private void scheduleRestart(long nowNanos, long ranNanos, String why) {
        Backoff.Delay delay = backoff.next(exitsInARow, ranNanos);
        exitsInARow = delay.exitsInARow();
        nextStartNanos = nowNanos + delay.nanos();
        LOG.warning("broadcaster " + definition.name() + " " + why + "; restarting in "
                + TimeUnit.NANOSECONDS.toMillis(delay.nanos()) + " ms");
    }

    private void launch(long nowNanos, boolean restart) {
        if (restart) {
            restarts++;
        }
        startedAtNanos = nowNanos;
        List<String> arguments = command.get();
        try {
            process = launcher.start(definition.name(), arguments);
            LOG.info("broadcaster " + definition.name() + " started (pid " + process.pid() + "): "
                    + String.join(" ", BroadcasterDefinition.masked(arguments)));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "broadcaster " + definition.name() + " cannot start " + arguments.get(0) + ": "
                    + e.getMessage());
            lastExitCode = null;
            scheduleRestart(nowNanos, 0, "did not start");
        }
    }

    /** Wanted, or on its way out: a viewer may wait for it. */
    synchronized boolean wanted() {
        return wanted;
    }

    /**
     * @param published whether its stream is registered at its path now
     */
    synchronized State state(boolean published) {
        if (process == null) {
            return wanted ? State.BACKING_OFF : State.STOPPED;
        }
        if (!wanted) {
            return State.STOPPING;
        }
        return published ? State.RUNNING : State.STARTING;
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    synchronized long restarts() {
        return restarts;
    }

    synchronized Integer lastExitCode() {
        return lastExitCode;
    }

    synchronized Instant lastExitAt() {
        return lastExitAt;
    }

    /** Ends its process for the adapter's stop: SIGTERM, up to the grace period, then SIGKILL. */
    void close() throws InterruptedException {
        BroadcasterProcess running;
        synchronized (this) {
            wanted = false;
            held = false;
            running = process;
        }
        if (running == null) {
            return;
        }
        running.destroy();
        if (!running.waitFor(TimeUnit.NANOSECONDS.toMillis(graceNanos))) {
            running.destroyForcibly();
            running.waitFor(TimeUnit.NANOSECONDS.toMillis(graceNanos));
        }
    }
}
