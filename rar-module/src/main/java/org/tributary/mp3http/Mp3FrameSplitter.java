package org.tributary.mp3http;

import org.tributary.media.mp3.Mp3FrameHeader;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Cuts a byte stream that arrives in pieces of any size (a source's request body) into whole MP3 frames.
 * ID3v2 tags are skipped, anything else that is not a frame is skipped byte by byte until a header whose
 * next frame also starts with a header of the same version, layer and sample rate (a lone 0xFFE in junk is
 * no frame). Bounded: it holds at most {@value #BUFFER_BYTES} bytes, more than the largest frame. Not
 * thread-safe: one source's reader owns it.
 */
final class Mp3FrameSplitter {

    static final int BUFFER_BYTES = 16 * 1024;
    private static final int ID3_HEADER = 10;

    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    /** The header of the last frame passed on, or null while looking for the stream (not in sync). */
    private Mp3FrameHeader locked;
    /** ID3 tag bytes still to skip (they may arrive in later pieces). */
    private long skipping;
    private long skippedBytes;
    private long frames;

    /** Passes every whole frame in {@code piece} (and before it) to {@code frame}, as a buffer valid during the call. */
    void accept(ByteBuffer piece, Consumer<ByteBuffer> frame) {
        while (piece.hasRemaining()) {
            int n = Math.min(piece.remaining(), buffer.remaining());
            buffer.put(piece.slice(piece.position(), n));
            piece.position(piece.position() + n);
            buffer.flip();
            split(frame);
            buffer.compact();
        }
    }

    private void split(Consumer<ByteBuffer> frame) {
        while (true) {
            if (skipping > 0) {
                int n = (int) Math.min(skipping, buffer.remaining());
                buffer.position(buffer.position() + n);
                skipping -= n;
                skippedBytes += n;
                if (skipping > 0) {
                    return;
                }
            }
            if (buffer.remaining() < 4) {
                return;
            }
            int at = buffer.position();
            if (id3At(at)) {
                if (buffer.remaining() < ID3_HEADER) {
                    return;
                }
                skipping = ID3_HEADER + syncsafe(at + 6) + ((buffer.get(at + 5) & 0x10) != 0 ? ID3_HEADER : 0);
                locked = null;
                continue;
            }
            Mp3FrameHeader header = Mp3FrameHeader.parse(buffer.getInt(at));
            if (header == null || locked != null && !sameStream(header, locked)) {
                skip();
                continue;
            }
            int length = header.frameLength();
            if (length < 4) {
                skip();
                continue;
            }
            if (locked == null) {
                // Out of sync: believe this header only when the next frame starts right after it.
                if (buffer.remaining() < length + 4) {
                    if (length + 4 > buffer.capacity()) {
                        skip();
                        continue;
                    }
                    return;
                }
                Mp3FrameHeader next = Mp3FrameHeader.parse(buffer.getInt(at + length));
                if (next == null || !sameStream(header, next)) {
                    skip();
                    continue;
                }
            } else if (buffer.remaining() < length) {
                return;
            }
            locked = header;
            frames++;
            frame.accept(buffer.slice(at, length));
            buffer.position(at + length);
        }
    }

    private void skip() {
        locked = null;
        buffer.position(buffer.position() + 1);
        skippedBytes++;
    }

    private boolean id3At(int at) {
        return buffer.get(at) == 'I' && buffer.get(at + 1) == 'D' && buffer.get(at + 2) == '3';
    }

    private int syncsafe(int at) {
        return (buffer.get(at) & 0x7F) << 21 | (buffer.get(at + 1) & 0x7F) << 14 | (buffer.get(at + 2) & 0x7F) << 7
                | buffer.get(at + 3) & 0x7F;
    }

    private static boolean sameStream(Mp3FrameHeader a, Mp3FrameHeader b) {
        return a.version() == b.version() && a.layer() == b.layer() && a.sampleRate() == b.sampleRate();
    }

    /** Bytes that were not frames (tags, junk). */
    long skippedBytes() {
        return skippedBytes;
    }

    /** Frames passed on. */
    long frames() {
        return frames;
    }
}
