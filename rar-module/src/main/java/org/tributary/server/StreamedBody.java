package org.tributary.server;

import org.tributary.rtsp.RtspRequest;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * The endless body of an HTTP PUT or SOURCE request (an Icecast source client streaming MP3): no
 * Content-Length, no end until the client hangs up. The connection hands every byte after the head here
 * instead of parsing requests; until the handler accepts the request the bytes are held (a client that does
 * not wait for the answer), at most {@value #MAX_HELD_BYTES}, the rest dropped.
 */
final class StreamedBody {

    static final int MAX_HELD_BYTES = 64 * 1024;

    private ByteBuffer held = ByteBuffer.allocate(4096);
    private Consumer<ByteBuffer> receiver;

    /** Whether this request's body is streamed (the decoder gave it none: see RtspDecoder). */
    static boolean startsWith(RtspRequest request) {
        String method = request.methodToken();
        return request.version().startsWith("HTTP/") && (method.equals("PUT") || method.equals("SOURCE"));
    }

    /** Selector thread: bytes of the body. */
    synchronized void accept(ByteBuffer bytes) {
        if (receiver != null) {
            receiver.accept(bytes);
            return;
        }
        int n = Math.min(bytes.remaining(), MAX_HELD_BYTES - held.position());
        if (n > held.remaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.min(MAX_HELD_BYTES, Math.max(held.capacity() * 2,
                    held.position() + n)));
            bigger.put(held.flip());
            held = bigger;
        }
        held.put(bytes.slice(bytes.position(), n));
        bytes.position(bytes.limit());
    }

    /** Any thread: from now on bytes go to {@code next}, those held first. */
    synchronized void receiver(Consumer<ByteBuffer> next) {
        receiver = next;
        if (held.position() > 0) {
            next.accept(held.flip());
        }
        held = ByteBuffer.allocate(0);
    }
}
