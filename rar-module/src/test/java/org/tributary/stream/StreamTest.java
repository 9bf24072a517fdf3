package org.tributary.stream;

import org.junit.jupiter.api.Test;
import org.tributary.source.SourceTrack;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fan-out, drops of a slow reader, the join GOP, ring bounds and the end of a stream. */
class StreamTest {

    static final List<SourceTrack> TRACKS = List.of(
            new SourceTrack(0, "video", 96, 90000, "H264", 0, List.of("rtpmap:96 H264/90000")),
            new SourceTrack(1, "audio", 97, 48000, "MPEG4-GENERIC", 0, List.of("rtpmap:97 MPEG4-GENERIC/48000/2")));

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    private Stream stream(StreamLimits limits) {
        return new Stream("cam", TRACKS, limits, clock::get);
    }

    private static void write(Stream stream, int track, int n, boolean keyFrame) {
        stream.write(track, ByteBuffer.wrap(new byte[] {(byte) n, (byte) (n >> 8)}), false, n * 3000L, 96 + track,
                keyFrame);
    }

    private static List<Integer> drain(StreamReader reader) {
        List<Integer> numbers = new ArrayList<>();
        for (StreamPacket p; (p = reader.poll()) != null; ) {
            numbers.add((p.payload()[0] & 0xFF) | (p.payload()[1] & 0xFF) << 8);
        }
        return numbers;
    }

    @Test
    void everyReaderGetsEveryPacketInOrder() {
        Stream stream = stream(StreamLimits.DEFAULT);
        List<StreamReader> readers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            readers.add(stream.openReader());
        }
        for (int n = 0; n < 100; n++) {
            write(stream, 0, n, false);
        }
        List<Integer> expected = new ArrayList<>();
        for (int n = 0; n < 100; n++) {
            expected.add(n);
        }
        for (StreamReader reader : readers) {
            assertEquals(expected, drain(reader));
            assertEquals(0, reader.dropped());
        }
        assertEquals(5, stream.readerCount());
        assertEquals(100, stream.packetsWritten());
    }

    @Test
    void aReaderThatNeverDrainsLosesPacketsWithoutHoldingUpTheWriterOrOthers() {
        Stream stream = stream(new StreamLimits(16, 64, 10));
        StreamReader stuck = stream.openReader();
        StreamReader live = stream.openReader();
        for (int n = 0; n < 1000; n++) {
            write(stream, 0, n, false); // returns at once every time, or the test would hang here
            assertEquals(n, drain(live).get(0));
        }
        assertEquals(10, stuck.queued());
        assertEquals(990, stuck.dropped());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), drain(stuck), "the oldest queued packets are kept");
        assertEquals(0, live.dropped());
        assertEquals(1000, stream.packetsWritten());
    }

    @Test
    void aJoiningReaderGetsTheLastGopFirstThenLivePackets() {
        Stream stream = stream(StreamLimits.DEFAULT);
        write(stream, 0, 1, false); // before any key frame: not in a GOP
        write(stream, 0, 2, true);
        write(stream, 1, 3, false);
        write(stream, 0, 4, false);
        write(stream, 0, 5, true); // a new GOP starts here
        write(stream, 1, 6, false);
        StreamReader joined = stream.openReader();
        write(stream, 0, 7, false);
        assertEquals(List.of(5, 6, 7), drain(joined));
        StreamPacket first = stream.gop().get(0);
        assertTrue(first.keyFrame());
        assertEquals(0, first.track());
    }

    @Test
    void withoutKeyFramesAJoiningReaderStartsAtTheLiveEdge() {
        Stream stream = stream(StreamLimits.DEFAULT);
        write(stream, 0, 1, false);
        write(stream, 0, 2, false);
        StreamReader joined = stream.openReader();
        assertNull(joined.poll());
        write(stream, 0, 3, false);
        assertEquals(List.of(3), drain(joined));
    }

    @Test
    void aGopLongerThanTheLimitIsNotKept() {
        Stream stream = stream(new StreamLimits(8, 4, 100));
        write(stream, 0, 1, true);
        for (int n = 2; n <= 4; n++) {
            write(stream, 0, n, false);
        }
        assertEquals(4, stream.gop().size());
        write(stream, 0, 5, false);
        assertEquals(0, stream.gop().size(), "a GOP over the limit is dropped");
        write(stream, 0, 6, false);
        assertEquals(0, stream.gop().size(), "and stays dropped until the next key frame");
        write(stream, 0, 7, true);
        assertEquals(List.of(7), drain(stream.openReader()));
    }

    @Test
    void eachTrackRingKeepsOnlyItsMostRecentPackets() {
        Stream stream = stream(new StreamLimits(3, 64, 100));
        for (int n = 0; n < 10; n++) {
            write(stream, n % 2, n, false);
        }
        List<StreamPacket> video = stream.recent(0);
        assertEquals(3, video.size());
        assertEquals(List.of(4, 6, 8), video.stream().map(p -> (int) p.payload()[0]).toList());
        assertEquals(List.of(5, 7, 9), stream.recent(1).stream().map(p -> (int) p.payload()[0]).toList());
    }

    @Test
    void packetsAreCopiedAndStampedWithTheStreamClock() {
        Stream stream = stream(StreamLimits.DEFAULT);
        StreamReader reader = stream.openReader();
        byte[] bytes = {1, 2, 3};
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        clock.set(5_000);
        stream.write(1, buffer, true, 0x1_0000_0007L, 97, false);
        bytes[0] = 9; // the writer reuses its buffer
        StreamPacket packet = reader.poll();
        assertArrayEquals(new byte[] {1, 2, 3}, packet.payload());
        assertEquals(7, packet.timestamp(), "timestamps are 32-bit");
        assertEquals(5_000, packet.arrivalNanos());
        assertTrue(packet.marker());
        assertEquals(3, packet.payloadBuffer().remaining());
    }

    @Test
    void endingTheStreamFinishesReadersAfterTheyDrain() {
        Stream stream = stream(StreamLimits.DEFAULT);
        StreamReader reader = stream.openReader();
        write(stream, 0, 1, false);
        stream.end();
        write(stream, 0, 2, false);
        assertFalse(reader.finished(), "a queued packet is still to be read");
        assertEquals(List.of(1), drain(reader));
        assertTrue(reader.finished());
        assertEquals(0, stream.readerCount());
        assertTrue(stream.openReader().finished(), "a reader of an ended stream is finished at once");
    }

    @Test
    void aClosedReaderIsNoLongerFedAndLeavesTheStream() {
        Stream stream = stream(StreamLimits.DEFAULT);
        StreamReader leaving = stream.openReader();
        StreamReader staying = stream.openReader();
        leaving.close();
        write(stream, 0, 1, false);
        assertEquals(1, stream.readerCount());
        assertEquals(0, leaving.received());
        assertEquals(1, staying.received());
    }

    @Test
    void aLiveSessionsReaderReportsWhatItDropped() {
        Stream stream = stream(new StreamLimits(8, 64, 2));
        org.tributary.source.SourceReader reader = new StreamSource(stream).openReader();
        for (int n = 0; n < 5; n++) {
            write(stream, 0, n, false);
        }
        assertEquals(3, reader.packetsDropped(), "two fit the queue, three were dropped for this reader only");
        reader.close();
    }

    @Test
    void theGopIsBoundedInBytesToo() {
        Stream stream = stream(new StreamLimits(8, 1000, 100, 10));
        stream.write(0, java.nio.ByteBuffer.wrap(new byte[6]), false, 0, 96, true);
        assertEquals(1, stream.gop().size());
        stream.write(0, java.nio.ByteBuffer.wrap(new byte[6]), false, 0, 96, false);
        assertEquals(0, stream.gop().size(), "12 bytes exceed the 10 kept: joiners start at the live edge");
    }

    @Test
    void aNewWriterContinuesTheTimelineOfTheOldOne() {
        Stream stream = stream(StreamLimits.DEFAULT);
        StreamReader reader = stream.openReader();
        stream.write(0, ByteBuffer.wrap(new byte[] {1}), false, 90_000, 96, true);
        clock.addAndGet(2_000_000_000L); // the publisher is gone for 2 s
        stream.continueWithNewWriter();
        assertTrue(stream.gop().isEmpty(), "the old writer's GOP is no join point for the new one");
        stream.write(0, ByteBuffer.wrap(new byte[] {2}), false, 5_000_000, 96, true); // its own random base
        clock.addAndGet(40_000_000L);
        stream.write(0, ByteBuffer.wrap(new byte[] {3}), false, 5_003_600, 96, false);
        assertEquals(90_000, reader.poll().timestamp());
        assertEquals(90_000 + 180_000, reader.poll().timestamp(), "2 s of 90 kHz after the last packet");
        assertEquals(90_000 + 180_000 + 3_600, reader.poll().timestamp(), "then the new writer's own spacing");
    }

    @Test
    void aReaderIsWokenWhenAPacketComesToItsEmptyQueueAndWhenTheStreamEnds() {
        Stream stream = stream(new StreamLimits(16, 64, 100));
        StreamReader reader = stream.openReader();
        AtomicInteger wakes = new AtomicInteger();
        reader.onReadable(wakes::incrementAndGet);
        write(stream, 0, 1, false);
        write(stream, 0, 2, false);
        assertEquals(1, wakes.get(), "the second packet finds the queue non-empty: the reader is awake already");
        assertEquals(List.of(1, 2), drain(reader));
        write(stream, 0, 3, false);
        assertEquals(2, wakes.get(), "empty again: woken again");
        stream.end();
        assertEquals(3, wakes.get(), "the end wakes it, so the player sees it at once");
    }

    /**
     * A push relay waits for packets holding its own lock and looks at the queue inside it; the writer wakes it
     * under that same lock. The wake ran inside the reader's lock, so the two took the locks in opposite orders
     * and the RTSP selector (the writer) deadlocked (RelayIT, 2026-12-06). The writer now wakes outside it.
     */
    @Test
    void aWakeThatTakesTheConsumersLockDoesNotDeadlockAgainstAConsumerPeekingUnderIt() throws Exception {
        Stream stream = stream(StreamLimits.DEFAULT);
        StreamReader reader = stream.openReader();
        Object consumerLock = new Object();
        AtomicInteger wakes = new AtomicInteger();
        reader.onReadable(() -> {
            synchronized (consumerLock) {
                wakes.incrementAndGet();
                consumerLock.notifyAll();
            }
        });
        Thread writer = new Thread(() -> write(stream, 0, 1, true)); // to an empty queue: wakes, under consumerLock
        writer.setDaemon(true);
        AtomicInteger peeked = new AtomicInteger();
        Thread consumer = new Thread(() -> {
            synchronized (consumerLock) {
                writer.start();
                try {
                    Thread.sleep(200); // the writer has queued the packet and waits for consumerLock in its wake
                } catch (InterruptedException e) {
                    return;
                }
                if (reader.peek() != null) { // under the consumer's lock, as PushRelay.send looks
                    peeked.incrementAndGet();
                }
            }
        });
        consumer.setDaemon(true);
        consumer.start();
        consumer.join(5000);
        writer.join(5000);
        assertFalse(consumer.isAlive(), "the consumer's peek returned (it deadlocked against the writer before)");
        assertFalse(writer.isAlive(), "the writer finished its wake");
        assertEquals(1, peeked.get());
        assertEquals(1, wakes.get());
    }
}
