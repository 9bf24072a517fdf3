package org.tributary.stream;

import java.util.ArrayList;
import java.util.List;

/** The most recent packets of one track, oldest overwritten first. Guarded by the owning stream. */
final class PacketRing {

    private final StreamPacket[] slots;
    private int next;
    private int size;

    PacketRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("ring capacity " + capacity);
        }
        slots = new StreamPacket[capacity];
    }

    void add(StreamPacket packet) {
        slots[next] = packet;
        next = (next + 1) % slots.length;
        size = Math.min(size + 1, slots.length);
    }

    /** Oldest first. */
    List<StreamPacket> snapshot() {
        List<StreamPacket> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(slots[(next - size + i + slots.length) % slots.length]);
        }
        return list;
    }

    int size() {
        return size;
    }
}
