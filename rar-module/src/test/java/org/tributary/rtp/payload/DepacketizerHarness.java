package org.tributary.rtp.payload;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** Test helper: packetizes access units, numbers the packets and pushes them into a depacketizer. */
public final class DepacketizerHarness {
    /** One packet on the wire. */
    public record Packet(int sequence, long timestamp, boolean marker, byte[] payload) {
    }

    public final List<Packet> packets = new ArrayList<>();
    public final List<AccessUnit> units = new ArrayList<>();
    private int sequence = 65_530; // wraps during the test

    /** Packetizes one sample with the given timestamp; timestamp offsets of the packetizer are applied. */
    public void send(Packetizer packetizer, long timestamp, ByteBuffer sample) {
        packetizer.packetize(sample, (payload, marker) -> {
            byte[] copy = new byte[payload.remaining()];
            payload.get(payload.position(), copy);
            packets.add(new Packet(sequence, timestamp + packetizer.payloadTimestampOffset(), marker, copy));
            sequence = (sequence + 1) & 0xFFFF;
        });
    }

    /** Pushes every packet whose index {@code keep} accepts. */
    public void deliver(Depacketizer depacketizer, IntPredicate keep) {
        for (int i = 0; i < packets.size(); i++) {
            if (keep.test(i)) {
                Packet p = packets.get(i);
                depacketizer.push(p.sequence(), p.timestamp(), p.marker(), ByteBuffer.wrap(p.payload()), units::add);
            }
        }
    }

    public void deliverAll(Depacketizer depacketizer) {
        deliver(depacketizer, i -> true);
    }

    public List<Boolean> keyFrames() {
        return units.stream().map(AccessUnit::keyFrame).toList();
    }

    public List<Long> timestamps() {
        return units.stream().map(AccessUnit::timestamp).toList();
    }

    /** Joins byte arrays. */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    public static byte[] array(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.get(b.position(), a);
        return a;
    }
}
