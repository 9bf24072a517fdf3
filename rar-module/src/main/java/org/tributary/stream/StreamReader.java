package org.tributary.stream;

import java.util.ArrayDeque;
import java.util.List;

/**
 * One consumer of a {@link Stream}: a bounded queue the writer appends to without ever waiting. When the
 * queue is full the newest packet is dropped for this reader only and counted; the writer and every
 * other reader go on. Polled by one thread at a time (a sender thread).
 */
public final class StreamReader implements AutoCloseable {

    private final Stream stream;
    private final int capacity;
    private final ArrayDeque<StreamPacket> queue;
    private long dropped;
    private long received;
    private boolean ended;
    private Runnable onReadable;

    StreamReader(Stream stream, int capacity, List<StreamPacket> joinWith) {
        this.stream = stream;
        this.capacity = capacity;
        this.queue = new ArrayDeque<>(Math.min(capacity, 256));
        for (StreamPacket packet : joinWith) {
            offer(packet);
        }
    }

    public Stream stream() {
        return stream;
    }

    /**
     * Writer side: queues the packet, or drops and counts it when the queue is full. Never blocks on the reader.
     * The wake runs after this reader's lock is released: a consumer that holds its own lock while it looks at
     * the queue (a push relay waiting for packets) would otherwise deadlock against the writer.
     */
    void offer(StreamPacket packet) {
        Runnable wake;
        synchronized (this) {
            if (ended) {
                return;
            }
            if (queue.size() >= capacity) {
                dropped++;
                return;
            }
            queue.addLast(packet);
            received++;
            wake = queue.size() == 1 ? onReadable : null;
        }
        if (wake != null) {
            wake.run();
        }
    }

    /** {@code wake} runs (on the writer's thread, so it must be cheap) whenever a packet arrives to an empty queue or the stream ends. */
    public synchronized void onReadable(Runnable wake) {
        this.onReadable = wake;
    }

    /** The stream ended (unregistered, its source stopped): what is queued can still be read. */
    void end() {
        Runnable wake;
        synchronized (this) {
            ended = true;
            wake = onReadable;
        }
        if (wake != null) {
            wake.run(); // outside the lock, as in offer
        }
    }

    /** The next packet, or null when none is queued now. */
    public synchronized StreamPacket poll() {
        return queue.pollFirst();
    }

    /** The next packet without taking it, or null. */
    public synchronized StreamPacket peek() {
        return queue.peekFirst();
    }

    /** Whether nothing more will come: the stream ended and the queue is drained. */
    public synchronized boolean finished() {
        return ended && queue.isEmpty();
    }

    public synchronized int queued() {
        return queue.size();
    }

    /** Packets this reader lost because it fell behind. */
    public synchronized long dropped() {
        return dropped;
    }

    /** Packets queued for this reader since it joined (the join GOP included). */
    public synchronized long received() {
        return received;
    }

    /** Leaves the stream; the writer stops offering to it. */
    @Override
    public void close() {
        stream.leave(this);
        synchronized (this) {
            ended = true;
            queue.clear();
        }
    }
}
