package org.tributary.live.local;

import org.tributary.stream.Backoff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tributary.api.LocalBroadcasterInfo;
import org.tributary.catalog.MediaCatalog;
import org.tributary.source.SourceTrack;
import org.tributary.stream.PathRegistry;
import org.tributary.stream.Stream;
import org.tributary.stream.StreamLimits;
import org.tributary.stream.StreamReader;
import org.tributary.stream.StreamUnavailableException;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The supervisor with a real path registry and fake processes: a viewer's request starts an on-demand
 * broadcaster and gets its stream, or a 503-worthy reason; the last viewer's leaving stops it after the
 * linger time; always-on ones start with the adapter; operators start and stop them by name.
 */
@Timeout(30)
class BroadcasterSupervisorTest {

    private static final long S = TimeUnit.SECONDS.toNanos(1);
    private static final List<SourceTrack> TRACKS = List.of(
            new SourceTrack(0, "video", 96, 90000, "H264", 0, List.of("rtpmap:96 H264/90000")));

    private final PathRegistry paths;
    private final FakeProcesses processes = new FakeProcesses();
    private final AtomicLong clock = new AtomicLong(1_000 * S);

    BroadcasterSupervisorTest() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "broadcaster-supervisor-test", "live"))
                .getParent().toAbsolutePath();
        paths = new PathRegistry(new MediaCatalog(root));
    }

    private BroadcasterSupervisor supervisor(BroadcasterDefinition... definitions) {
        BroadcasterSupervisor supervisor = new BroadcasterSupervisor(List.of(definitions), paths,
                () -> InetSocketAddress.createUnresolved("127.0.0.1", 8554), 1, processes, Backoff.STANDARD, clock::get,
                Clock.fixed(Instant.parse("2026-12-04T18:00:00Z"), ZoneOffset.UTC));
        paths.onDemand(supervisor);
        return supervisor;
    }

    private static BroadcasterDefinition pattern(StartMode mode, int startTimeoutSeconds) {
        return new BroadcasterDefinition("pattern", "/live/pattern.sdp", List.of("ffmpeg", "-f", "rtsp", "{url}"),
                mode, 10, startTimeoutSeconds);
    }

    /** What a started broadcaster does: publish its path (as the publisher session registers it). */
    private Stream publishOnStart() {
        Stream stream = new Stream("pattern", TRACKS, StreamLimits.DEFAULT, System::nanoTime);
        processes.onStart = p -> {
            try {
                paths.register("live/pattern.sdp", stream);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        return stream;
    }

    @Test
    void aViewerOfAnEmptyOnDemandPathStartsItsBroadcasterAndGetsItsStream() throws Exception {
        BroadcasterSupervisor supervisor = supervisor(pattern(StartMode.ON_DEMAND, 15));
        Stream stream = publishOnStart();
        PathRegistry.Entry entry = paths.resolve("live/pattern.sdp");
        assertSame(stream, assertInstanceOf(PathRegistry.StreamEntry.class, entry).stream());
        assertEquals(List.of(List.of("ffmpeg", "-f", "rtsp", "rtsp://127.0.0.1:8554/live/pattern.sdp")),
                processes.commands);
        paths.resolve("live/pattern.sdp");
        assertEquals(1, processes.count(), "a published path starts nothing more");
        LocalBroadcasterInfo info = supervisor.infos().get(0);
        assertEquals(new LocalBroadcasterInfo("pattern", "live/pattern.sdp", "on-demand",
                List.of("ffmpeg", "-f", "rtsp", "{url}"), "running", 1000, 0, null, null, 0, 10, 15), info);
    }

    @Test
    void aViewerWaitsForABroadcasterThatPublishesLater() throws Exception {
        supervisor(pattern(StartMode.ON_DEMAND, 15));
        Stream stream = new Stream("pattern", TRACKS, StreamLimits.DEFAULT, System::nanoTime);
        processes.onStart = p -> new Thread(() -> {
            try {
                Thread.sleep(300);
                paths.register("live/pattern.sdp", stream);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).start();
        // the fake clock stands still: only the registration ends the wait
        assertSame(stream, ((PathRegistry.StreamEntry) paths.resolve("live/pattern.sdp")).stream());
    }

    @Test
    void aBroadcasterThatDoesNotPublishInTimeGivesTheViewerAReason() {
        supervisor(pattern(StartMode.ON_DEMAND, 1));
        processes.onStart = p -> clock.addAndGet(2 * S); // the start timeout passes while it starts
        StreamUnavailableException e = assertThrows(StreamUnavailableException.class,
                () -> paths.resolve("live/pattern.sdp"));
        assertEquals("the local broadcaster pattern did not publish /live/pattern.sdp within 1 s (starting)",
                e.getMessage());
    }

    @Test
    void viewersBeyondTheWaitingLimitGetAReasonAtOnceSoThePublisherFindsAThread() throws Exception {
        BroadcasterSupervisor supervisor = supervisor(pattern(StartMode.ON_DEMAND, 15));
        Stream stream = new Stream("pattern", TRACKS, StreamLimits.DEFAULT, System::nanoTime);
        AtomicReference<Object> firstGot = new AtomicReference<>();
        Thread first = new Thread(() -> {
            try {
                firstGot.set(((PathRegistry.StreamEntry) paths.resolve("live/pattern.sdp")).stream());
            } catch (Exception e) {
                firstGot.set(e);
            }
        });
        first.start();
        long deadline = System.nanoTime() + 10 * S;
        while (supervisor.waitingViewers() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(1, supervisor.waitingViewers());
        StreamUnavailableException e = assertThrows(StreamUnavailableException.class,
                () -> paths.resolve("live/pattern.sdp"));
        assertEquals("the local broadcaster pattern is starting; no more viewers may wait for local broadcasters now"
                + " (at most 1 at once), try again in a moment", e.getMessage());
        assertEquals(1, processes.count());
        paths.register("live/pattern.sdp", stream);
        first.join(10_000);
        assertSame(stream, firstGot.get(), "the waiting viewer gets the stream");
        assertEquals(0, supervisor.waitingViewers());
    }

    @Test
    void aPathWithoutABroadcasterIsNotFoundAsBefore() {
        supervisor(pattern(StartMode.ON_DEMAND, 15));
        assertThrows(MediaCatalog.MediaNotFoundException.class, () -> paths.resolve("live/other.sdp"));
        assertEquals(0, processes.count());
    }

    @Test
    void theLastViewerLeavingStopsItAfterTheLingerTime() throws Exception {
        BroadcasterSupervisor supervisor = supervisor(pattern(StartMode.ON_DEMAND, 15));
        Stream stream = publishOnStart();
        paths.resolve("live/pattern.sdp");
        StreamReader viewer = stream.openReader();
        clock.addAndGet(30 * S);
        supervisor.tick(clock.get());
        assertEquals(1, supervisor.infos().get(0).viewers());
        assertEquals("running", supervisor.infos().get(0).state());
        viewer.close();
        clock.addAndGet(9 * S);
        supervisor.tick(clock.get());
        assertTrue(processes.last().isAlive(), "9 s after the last viewer");
        clock.addAndGet(S);
        supervisor.tick(clock.get());
        assertTrue(processes.last().sigterm, "10 s after the last viewer");
        supervisor.tick(clock.get());
        LocalBroadcasterInfo info = supervisor.infos().get(0);
        assertEquals("stopped", info.state());
        assertEquals(-1, info.pid());
        assertEquals(143, info.lastExitCode());
        assertEquals(Instant.parse("2026-12-04T18:00:00Z"), info.lastExitAt());
    }

    @Test
    void alwaysOnBroadcastersStartWithTheAdapterAndAStoppedOneAnswersItsViewersWithAReason() {
        BroadcasterSupervisor supervisor = supervisor(pattern(StartMode.ALWAYS, 15),
                new BroadcasterDefinition("idle", "/live/idle.sdp", List.of("true"), StartMode.ON_DEMAND, 10, 15));
        supervisor.start();
        assertEquals(1, processes.count(), "only the always-on one");
        assertEquals("starting", supervisor.infos().get(0).state());
        assertEquals("stopped", supervisor.infos().get(1).state());
        assertEquals("stopping", supervisor.stop("pattern").state());
        assertTrue(processes.last().sigterm);
        StreamUnavailableException e = assertThrows(StreamUnavailableException.class,
                () -> paths.resolve("live/pattern.sdp"));
        assertEquals("the local broadcaster pattern of /live/pattern.sdp was stopped by an operator", e.getMessage());
        assertEquals("starting", supervisor.start("pattern").state());
        assertEquals(2, processes.count());
        assertNull(supervisor.start("nobody"));
        assertNull(supervisor.stop("nobody"));
    }

    @Test
    void closeEndsEveryProcess() {
        BroadcasterSupervisor supervisor = supervisor(pattern(StartMode.ALWAYS, 15));
        supervisor.start();
        supervisor.close();
        assertTrue(processes.last().sigterm);
        assertEquals(false, processes.last().isAlive());
    }

    @Test
    void aDefinitionWhosePathLeavesTheMediaFolderIsLeftOut() {
        BroadcasterSupervisor supervisor = supervisor(
                new BroadcasterDefinition("out", "/../outside.sdp", List.of("true"), StartMode.ALWAYS, 10, 15),
                pattern(StartMode.ON_DEMAND, 15));
        assertEquals(List.of("pattern"), supervisor.infos().stream().map(LocalBroadcasterInfo::name).toList());
    }
}
