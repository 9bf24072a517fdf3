package org.tributary.net;

import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

/**
 * Two in-memory channels joined end to end, each side taking at most {@code chunk} bytes a call in both
 * directions (small chunks split TLS records and make writes partial, as a busy socket does).
 */
final class MemoryPipe {

    final End a;
    final End b;

    MemoryPipe(int chunk) {
        ByteBuffer aToB = ByteBuffer.allocate(1 << 20);
        ByteBuffer bToA = ByteBuffer.allocate(1 << 20);
        a = new End(bToA, aToB, chunk);
        b = new End(aToB, bToA, chunk);
    }

    static final class End implements ByteChannel {
        private final ByteBuffer in;
        private final ByteBuffer out;
        private final int chunk;
        private boolean open = true;
        /** The peer closed its side: reads return -1 once everything written was read. */
        boolean peerClosed;

        End(ByteBuffer in, ByteBuffer out, int chunk) {
            this.in = in;
            this.out = out;
            this.chunk = chunk;
        }

        @Override
        public int read(ByteBuffer dst) {
            in.flip();
            try {
                if (!in.hasRemaining()) {
                    return peerClosed ? -1 : 0;
                }
                int n = Math.min(chunk, Math.min(in.remaining(), dst.remaining()));
                ByteBuffer slice = in.slice();
                slice.limit(n);
                dst.put(slice);
                in.position(in.position() + n);
                return n;
            } finally {
                in.compact();
            }
        }

        @Override
        public int write(ByteBuffer src) {
            int n = Math.min(chunk, Math.min(src.remaining(), out.remaining()));
            ByteBuffer slice = src.slice();
            slice.limit(n);
            out.put(slice);
            src.position(src.position() + n);
            return n;
        }

        /** Puts bytes straight into what the peer reads (a client that does not speak TLS). */
        void writeRaw(byte[] bytes) {
            out.put(bytes);
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
