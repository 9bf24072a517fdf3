package org.tributary.mp3http;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The recent audio of a station: whole MP3 frames appended at the live edge, read by any number of
 * listeners, each at its own position. Positions count bytes since the station began and never wrap; the
 * ring holds the last {@link #capacity()} of them. It also remembers where the frames it holds start (a
 * listener joins at a frame boundary) and where the title changed (each listener's ICY metadata changes
 * at the same byte of audio). Thread-safe: one writer, many readers.
 */
final class StationRing {

    /** The title from a byte position on. */
    record TitleChange(long position, String title) {
    }

    private final byte[] bytes;
    private long end;
    /** Where the frames still held start, oldest first. */
    private final ArrayDeque<Long> frameStarts = new ArrayDeque<>();
    /** Title changes, oldest first; the first one is in effect at the oldest byte held. */
    private final ArrayDeque<TitleChange> titles = new ArrayDeque<>();

    StationRing(int capacity) {
        if (capacity < 4096) {
            throw new IllegalArgumentException("a station ring needs at least 4096 bytes, not " + capacity);
        }
        this.bytes = new byte[capacity];
    }

    int capacity() {
        return bytes.length;
    }

    /** Appends one whole frame at the live edge (the oldest bytes make room). */
    synchronized void append(ByteBuffer frame) {
        int n = frame.remaining();
        if (n == 0 || n > bytes.length / 4) {
            throw new IllegalArgumentException("a frame of " + n + " bytes");
        }
        frameStarts.addLast(end);
        int at = (int) (end % bytes.length);
        int first = Math.min(n, bytes.length - at);
        frame.get(bytes, at, first);
        frame.get(bytes, 0, n - first);
        end += n;
        long oldest = oldestLocked();
        while (frameStarts.peekFirst() < oldest) {
            frameStarts.removeFirst();
        }
        while (titles.size() > 1 && second(titles).position() <= oldest) {
            titles.removeFirst();
        }
    }

    /** The title from the next frame appended on. */
    synchronized void title(String title) {
        TitleChange last = titles.peekLast();
        if (last != null && last.position() == end) {
            titles.removeLast(); // no frame carried that title: the new one replaces it
        }
        titles.addLast(new TitleChange(end, title));
    }

    /** One past the newest byte: where the next frame goes. */
    synchronized long end() {
        return end;
    }

    /** The oldest byte still held. */
    synchronized long oldest() {
        return oldestLocked();
    }

    private long oldestLocked() {
        return Math.max(0, end - bytes.length);
    }

    /**
     * Where a new listener starts: the first frame that begins at most {@code burstBytes} before the live
     * edge, so a player gets that much at once and starts on a frame header; the live edge when no frame
     * is held.
     */
    synchronized long joinPosition(int burstBytes) {
        long want = end - Math.min(burstBytes, bytes.length);
        long join = end;
        for (Iterator<Long> it = frameStarts.descendingIterator(); it.hasNext(); ) {
            long start = it.next();
            if (start < want) {
                break;
            }
            join = start;
        }
        return join;
    }

    /** The title in effect at a byte, or null when none was set before it. */
    synchronized String titleAt(long position) {
        String title = null;
        for (TitleChange change : titles) {
            if (change.position() > position) {
                break;
            }
            title = change.title();
        }
        return title;
    }

    /**
     * Copies bytes from {@code position} on into {@code dst}, stopping at the live edge, at the next title
     * change after {@code position} (so the reader can switch titles there) or when {@code dst} is full.
     *
     * @return the bytes copied, or -1 when {@code position} is no longer held (the reader fell behind)
     */
    synchronized int read(long position, ByteBuffer dst) {
        if (position < oldestLocked()) {
            return -1;
        }
        long stop = end;
        for (TitleChange change : titles) {
            if (change.position() > position) {
                stop = Math.min(stop, change.position());
                break;
            }
        }
        int n = (int) Math.min(dst.remaining(), stop - position);
        int at = (int) (position % bytes.length);
        int first = Math.min(n, bytes.length - at);
        dst.put(bytes, at, first);
        dst.put(bytes, 0, n - first);
        return n;
    }

    private static TitleChange second(ArrayDeque<TitleChange> titles) {
        Iterator<TitleChange> it = titles.iterator();
        it.next();
        return it.next();
    }
}
