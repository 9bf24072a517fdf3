package org.tributary.live.local;

import org.tributary.stream.Backoff;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One broadcaster's life on a fake clock with fake processes: restarts with backoff, linger, grace, holds. */
class LocalBroadcasterTest {

    private static final long S = TimeUnit.SECONDS.toNanos(1);
    private static final Instant WALL = Instant.parse("2026-12-04T18:00:00Z");

    private final FakeProcesses processes = new FakeProcesses();

    private LocalBroadcaster broadcaster(StartMode mode, int lingerSeconds) {
        BroadcasterDefinition d = new BroadcasterDefinition("pattern", "/live/p.sdp", List.of("ffmpeg", "{url}"), mode,
                lingerSeconds, 15);
        return new LocalBroadcaster(d, () -> d.commandFor("127.0.0.1", 8554), processes, Backoff.STANDARD, 5 * S,
                Clock.fixed(WALL, ZoneOffset.UTC));
    }

    @Test
    void aProcessThatKeepsExitingIsRestartedAfterOneTwoFourSeconds() {
        LocalBroadcaster b = broadcaster(StartMode.ALWAYS, 10);
        b.want(true, 0);
        assertEquals(List.of("ffmpeg", "rtsp://127.0.0.1:8554/live/p.sdp"), processes.commands.get(0));
        assertEquals(LocalBroadcaster.State.STARTING, b.state(false));
        assertEquals(LocalBroadcaster.State.RUNNING, b.state(true));
        long now = 0;
        long[] expectedDelays = {1, 2, 4};
        for (int i = 0; i < expectedDelays.length; i++) {
            now += S / 2;
            processes.last().exit(1);
            b.tick(now, 0);
            assertEquals(LocalBroadcaster.State.BACKING_OFF, b.state(false));
            assertEquals(1, b.lastExitCode());
            assertEquals(WALL, b.lastExitAt());
            assertEquals(-1, b.pid());
            b.tick(now + expectedDelays[i] * S - 1, 0);
            assertEquals(i + 1, processes.count(), "not restarted before " + expectedDelays[i] + " s");
            now += expectedDelays[i] * S;
            b.tick(now, 0);
            assertEquals(i + 2, processes.count(), "restarted after " + expectedDelays[i] + " s");
            assertEquals(processes.last().pid(), b.pid());
        }
        assertEquals(3, b.restarts());
        // a run of a minute resets the series: the next delay is 1 s again
        now += 60 * S;
        processes.last().exit(0);
        b.tick(now, 0);
        b.tick(now + S, 0);
        assertEquals(5, processes.count());
    }

    @Test
    void aProgramThatCannotStartIsRetriedWithBackoff() {
        processes.failure = "No such file or directory";
        LocalBroadcaster b = broadcaster(StartMode.ALWAYS, 10);
        b.want(true, 0);
        assertEquals(LocalBroadcaster.State.BACKING_OFF, b.state(false));
        assertNull(b.lastExitCode());
        processes.failure = null;
        b.tick(S, 0);
        assertEquals(1, processes.count());
        assertEquals(LocalBroadcaster.State.STARTING, b.state(false));
    }

    @Test
    void anOnDemandBroadcasterStopsLingerSecondsAfterItsLastViewer() {
        LocalBroadcaster b = broadcaster(StartMode.ON_DEMAND, 10);
        b.want(false, 0);
        b.tick(3 * S, 2);
        b.tick(12 * S, 0);
        assertTrue(b.wanted(), "9 s after the last viewer seen at 3 s it still runs");
        assertFalse(processes.last().sigterm);
        b.tick(13 * S, 0);
        assertFalse(b.wanted());
        assertTrue(processes.last().sigterm, "SIGTERM 10 s after the last viewer");
        b.tick(14 * S, 0);
        assertEquals(LocalBroadcaster.State.STOPPED, b.state(false));
        assertEquals(143, b.lastExitCode());
        assertEquals(0, b.restarts(), "a stop is not followed by a restart");
        b.tick(60 * S, 0);
        assertEquals(1, processes.count());
    }

    @Test
    void aViewerThatDescribesButHasNotPlayedYetKeepsItForTheLingerTime() {
        LocalBroadcaster b = broadcaster(StartMode.ON_DEMAND, 10);
        b.want(false, 0);
        b.want(false, 8 * S); // a second DESCRIBE
        b.tick(17 * S, 0);
        assertTrue(b.wanted());
        b.tick(18 * S, 0);
        assertFalse(b.wanted());
    }

    @Test
    void anOperatorsStartHoldsAnOnDemandBroadcasterWithoutViewersUntilStopped() {
        LocalBroadcaster b = broadcaster(StartMode.ON_DEMAND, 10);
        b.want(true, 0);
        b.tick(100 * S, 0);
        assertTrue(b.wanted());
        b.unwant(101 * S);
        assertTrue(processes.last().sigterm);
        b.want(false, 200 * S);
        assertEquals(2, processes.count(), "a viewer starts it again");
        b.tick(210 * S, 0);
        assertFalse(b.wanted(), "that start lingers like any on-demand one");
    }

    @Test
    void anOperatorsStartDoesNotWaitOutTheBackoff() {
        LocalBroadcaster b = broadcaster(StartMode.ALWAYS, 10);
        b.want(true, 0);
        processes.last().exit(1);
        b.tick(S, 0);
        assertEquals(LocalBroadcaster.State.BACKING_OFF, b.state(false));
        b.want(true, S + 1);
        assertEquals(2, processes.count());
    }

    @Test
    void aProcessIgnoringSigtermIsKilledAfterTheGracePeriod() {
        processes.endsOnSigterm = false;
        LocalBroadcaster b = broadcaster(StartMode.ALWAYS, 10);
        b.want(true, 0);
        b.unwant(S);
        b.tick(2 * S, 0);
        assertEquals(LocalBroadcaster.State.STOPPING, b.state(false));
        b.tick(6 * S - 1, 0);
        assertFalse(processes.last().sigkill);
        b.tick(6 * S, 0);
        assertTrue(processes.last().sigkill);
        b.tick(7 * S, 0);
        assertEquals(LocalBroadcaster.State.STOPPED, b.state(false));
        assertEquals(137, b.lastExitCode());
    }

    @Test
    void closeEndsTheProcessAndKillsItWhenSigtermIsNotEnough() throws Exception {
        processes.endsOnSigterm = false;
        LocalBroadcaster b = broadcaster(StartMode.ALWAYS, 10);
        b.want(true, 0);
        b.close();
        assertTrue(processes.last().sigterm);
        assertTrue(processes.last().sigkill);
        assertFalse(processes.last().isAlive());
    }
}
