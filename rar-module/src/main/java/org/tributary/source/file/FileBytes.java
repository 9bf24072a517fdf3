package org.tributary.source.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file's bytes, shared by every reader of it: memory-mapped once when it fits one mapping (2 GiB), so
 * the page cache holds one copy whatever the number of clients; larger files are read with positioned
 * reads into each reader's own buffer. (HLS reads its segments through it too.)
 */
public final class FileBytes implements AutoCloseable {

    private final FileChannel channel;
    private final MappedByteBuffer mapped;

    private FileBytes(FileChannel channel, MappedByteBuffer mapped) {
        this.channel = channel;
        this.mapped = mapped;
    }

    public static FileBytes open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        long size = channel.size();
        MappedByteBuffer mapped = size > 0 && size <= Integer.MAX_VALUE
                ? channel.map(FileChannel.MapMode.READ_ONLY, 0, size) : null;
        return new FileBytes(channel, mapped);
    }

    /** A cursor for one reader (not thread-safe; create one per reader). */
    public View view() {
        return new View();
    }

    public final class View {
        private final ByteBuffer window = mapped == null ? null : mapped.duplicate();
        private ByteBuffer heap;

        /** The bytes [offset, offset+length) as a buffer (position..limit), valid until the next call. */
        public ByteBuffer slice(long offset, int length) throws IOException {
            if (window != null) {
                if (offset + length > window.capacity()) {
                    throw new IOException("sample at " + offset + " (+" + length + ") lies past the end of the file");
                }
                window.limit((int) offset + length).position((int) offset);
                return window;
            }
            if (heap == null || heap.capacity() < length) {
                heap = ByteBuffer.allocate(Math.max(length, 64 * 1024));
            }
            heap.clear().limit(length);
            while (heap.hasRemaining()) {
                if (channel.read(heap, offset + heap.position()) < 0) {
                    throw new IOException("file ended inside a sample at " + offset);
                }
            }
            return heap.flip();
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
