package org.tributary.session;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tributary.engine.Playback;
import org.tributary.source.SourceTrack;
import org.tributary.stream.Stream;
import org.tributary.stream.StreamLimits;
import org.tributary.stream.StreamSource;
import org.tributary.transport.MulticastRange;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MulticastGroupsTest {

    private static final List<SourceTrack> TWO_TRACKS = List.of(
            new SourceTrack(0, "video", 96, 90000, "H264", 0, List.of("rtpmap:96 H264/90000")),
            new SourceTrack(1, "audio", 97, 48000, "OPUS", 0, List.of("rtpmap:97 opus/48000/2")));

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Playback> scheduled = new ArrayList<>();
    private final MulticastGroups groups;

    MulticastGroupsTest() throws Exception {
        NetworkInterface loopback = NetworkInterface.getByInetAddress(InetAddress.getByName("127.0.0.1"));
        groups = new MulticastGroups(MulticastRange.parse("239.255.77.10-239.255.77.11"), 22000, 22003, 1, loopback,
                scheduled::add, nanos::get);
    }

    @AfterEach
    void close() {
        groups.closeAll();
    }

    private StreamSource stream(String name) {
        return new StreamSource(new Stream(name, TWO_TRACKS, StreamLimits.DEFAULT, nanos::get));
    }

    @Test
    void viewersOfOneStreamShareOneGroupAndOneFeed() throws Exception {
        StreamSource cam = stream("cam");
        MulticastGroups.Membership first = groups.join(cam);
        MulticastGroups.Membership second = groups.join(cam);
        assertEquals(first.group(), second.group());
        assertEquals("239.255.77.10", first.group().address().getHostAddress());
        assertEquals(22002, first.group().rtpPort(1));
        assertEquals(1, scheduled.size(), "one feed for both viewers");
        assertEquals(1, groups.feedCount());
        for (int i = 0; i < 4; i++) {
            cam.stream().write(0, ByteBuffer.wrap(new byte[] {(byte) i}), false, 3000L * i, 96, i == 0);
        }
        scheduled.get(0).pump(nanos.get());
        assertEquals(4, groups.packetsSent(cam.stream()), "each packet goes to the group once for two viewers");
        assertTrue(first.sendRtp(ByteBuffer.allocate(12)), "a viewer's own channel takes packets and sends nothing");
        assertEquals(4, groups.packetsSent(cam.stream()));
    }

    @Test
    void anotherStreamGetsAnotherGroupAndTheRangeRunsOut() throws Exception {
        MulticastGroups.Membership a = groups.join(stream("a"));
        MulticastGroups.Membership b = groups.join(stream("b"));
        assertNotEquals(a.group().address(), b.group().address());
        String why = assertThrows(MulticastGroups.NoGroupException.class, () -> groups.join(stream("c"))).getMessage();
        assertTrue(why.contains("every multicast group of 239.255.77.10-239.255.77.11 is in use"), why);
        a.close();
        assertEquals(1, groups.feedCount(), "the last viewer of a left: its feed stopped");
        assertEquals(Playback.DONE, scheduled.get(0).pump(nanos.get()), "the engine drops the stopped feed");
        assertEquals(a.group().address(), groups.join(stream("c")).group().address(), "a's group is free again");
    }

    @Test
    void theFeedRunsUntilItsLastViewerLeaves() throws Exception {
        StreamSource cam = stream("cam");
        MulticastGroups.Membership first = groups.join(cam);
        MulticastGroups.Membership second = groups.join(cam);
        first.close();
        first.close();
        assertEquals(1, groups.feedCount(), "one viewer is still in the group");
        second.close();
        assertEquals(0, groups.feedCount());
        assertEquals(0, cam.stream().readerCount(), "the stopped feed no longer reads the stream");
    }

    @Test
    void anEndedStreamReleasesItsGroupAtTheNextTick() throws Exception {
        StreamSource cam = stream("cam");
        groups.join(cam);
        groups.tick();
        assertEquals(1, groups.feedCount());
        cam.stream().end();
        groups.tick();
        assertEquals(0, groups.feedCount());
        assertEquals(-1, groups.packetsSent(cam.stream()));
    }

    @Test
    void aStreamWithMoreTracksThanThePortsHoldIsRefused() {
        MulticastGroups narrow = new MulticastGroups(MulticastRange.parse("239.255.77.12"), 22000, 22001, 1, null,
                scheduled::add, nanos::get);
        String why = assertThrows(MulticastGroups.NoGroupException.class, () -> narrow.join(stream("cam"))).getMessage();
        assertTrue(why.contains("has 2 tracks") && why.contains("22000-22001 hold 1"), why);
        assertEquals(0, narrow.feedCount());
    }

    @Test
    void aKeptGroupIsNamedBeforeAnyViewerAndOutlivesItsViewersUntilTheStreamEnds() throws Exception {
        StreamSource cam = stream("cam");
        MulticastGroups.Group named = groups.keep(cam);
        assertEquals("239.255.77.10", named.address().getHostAddress());
        assertEquals(1, groups.feedCount(), "the feed starts at the DESCRIBE, before any SETUP");
        MulticastGroups.Membership viewer = groups.join(cam);
        assertEquals(named, viewer.group(), "the viewer joins the group its SDP named");
        viewer.close();
        assertEquals(1, groups.feedCount(), "a kept feed outlives its last viewer");
        assertEquals(named, groups.keep(cam), "a second DESCRIBE names the same group");
        cam.stream().end();
        groups.tick();
        assertEquals(0, groups.feedCount());
    }

    @Test
    void aKeptGroupWithoutViewersIsFreedAfterItsUnwatchedTime() throws Exception {
        StreamSource cam = stream("cam");
        groups.keep(cam);
        MulticastGroups.Membership viewer = groups.join(cam);
        nanos.addAndGet(MulticastGroups.KEPT_UNWATCHED_SECONDS * 2_000_000_000L);
        groups.tick();
        assertEquals(1, groups.feedCount(), "a watched kept group stays however long");
        viewer.close();
        nanos.addAndGet(MulticastGroups.KEPT_UNWATCHED_SECONDS * 1_000_000_000L - 1);
        groups.tick();
        assertEquals(1, groups.feedCount(), "not yet: unwatched since its last viewer left");
        nanos.addAndGet(1);
        groups.tick();
        assertEquals(0, groups.feedCount(), "unwatched for the whole time: freed");
        assertEquals(0, cam.stream().readerCount(), "the stream has no reader left, so an on-demand source can stop");
    }

    @Test
    void newSettingsApplyToGroupsAllocatedFromThenOnAndRunningOnesKeepTheirs() throws Exception {
        MulticastGroups.Membership before = groups.join(stream("a"));
        groups.groupsFrom(MulticastRange.parse("239.255.78.20"), 23000, 23005);
        groups.sendWith(5, null);
        MulticastGroups.Membership after = groups.join(stream("b"));
        assertEquals(new MulticastGroups.Group(InetAddress.getByName("239.255.77.10"), 22000, 1), before.group());
        assertEquals(new MulticastGroups.Group(InetAddress.getByName("239.255.78.20"), 23000, 5), after.group());
        assertEquals(2, groups.feedCount());
        assertThrows(IllegalArgumentException.class, () -> groups.groupsFrom(MulticastRange.parse("239.255.78.20"),
                23001, 23005), "odd base port");
    }
}
