package org.tributary.media.mp3;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Buffered random access over a file channel for the single-threaded frame scan. */
final class ChannelWindow {
    private static final int WINDOW = 64 * 1024;

    private final FileChannel channel;
    private final long size;
    private final ByteBuffer buf = ByteBuffer.allocate(WINDOW);
    private long start = -1;

    ChannelWindow(FileChannel channel, long size) {
        this.channel = channel;
        this.size = size;
    }

    /** Big-endian int at {@code pos}; caller guarantees pos + 4 &lt;= size. */
    int intAt(long pos) throws IOException {
        ensure(pos, 4);
        return buf.getInt((int) (pos - start));
    }

    /** Up to {@code n} bytes (fewer at end of file) starting at {@code pos}; n &lt;= 64 KiB. */
    byte[] bytes(long pos, int n) throws IOException {
        int len = (int) Math.max(0, Math.min(n, size - pos));
        ensure(pos, len);
        byte[] out = new byte[len];
        buf.get((int) (pos - start), out);
        return out;
    }

    private void ensure(long pos, int n) throws IOException {
        if (start >= 0 && pos >= start && pos + n <= start + buf.limit()) {
            return;
        }
        buf.clear();
        start = pos;
        long p = pos;
        while (buf.hasRemaining() && p < size) {
            int r = channel.read(buf, p);
            if (r < 0) {
                break;
            }
            p += r;
        }
        buf.flip();
        if (buf.limit() < n) {
            throw new IOException("file shrank while scanning at offset " + pos);
        }
    }
}
