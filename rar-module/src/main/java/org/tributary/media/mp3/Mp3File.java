package org.tributary.media.mp3;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.tributary.media.MediaFormatException;

/**
 * An indexed MPEG audio file. {@link #open(Path)} skips ID3v2/ID3v1 tags, finds every frame
 * (resynchronising over junk) and drops a leading Xing/Info/VBRI tag frame. Frames are read on
 * demand with positioned reads; the instance is immutable and safe to share between threads.
 */
public final class Mp3File implements Closeable {
    static final int MAX_FRAMES = 50_000_000;

    private final Path path;
    private final FileChannel channel;
    private final Mp3FrameHeader firstHeader;
    private final long[] offsets;
    private final int[] sizes;
    private final long totalBytes;
    private final boolean vbrTag;
    private final long vbrTagOffset;
    private final int vbrTagSize;

    private Mp3File(Path path, FileChannel channel, Mp3FrameHeader firstHeader, long[] offsets, int[] sizes,
                    long vbrTagOffset, int vbrTagSize) {
        this.path = path;
        this.vbrTagOffset = vbrTagOffset;
        this.vbrTagSize = vbrTagSize;
        this.channel = channel;
        this.firstHeader = firstHeader;
        this.offsets = offsets;
        this.sizes = sizes;
        this.vbrTag = vbrTagSize > 0;
        long total = 0;
        for (int s : sizes) {
            total += s;
        }
        this.totalBytes = total;
    }

    public static Mp3File open(Path path) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return scan(path, ch);
        } catch (IOException | RuntimeException | Error e) {
            ch.close();
            throw e;
        }
    }

    private static Mp3File scan(Path path, FileChannel ch) throws IOException {
        long size = ch.size();
        ChannelWindow w = new ChannelWindow(ch, size);
        long pos = 0;
        long tag;
        while ((tag = Id3Tags.v2Length(w.bytes(pos, 10))) > 0) {
            pos += tag;
        }
        long end = size;
        if (size - pos >= Id3Tags.V1_LENGTH && Id3Tags.isV1(w.bytes(size - Id3Tags.V1_LENGTH, Id3Tags.V1_LENGTH))) {
            end -= Id3Tags.V1_LENGTH;
        }
        FrameIndex index = new FrameIndex(path);
        Mp3FrameHeader first = null;
        boolean inSync = false;
        long vbrTagOffset = -1;
        int vbrTagSize = 0;
        while (pos + 4 <= end) {
            Mp3FrameHeader h = Mp3FrameHeader.parse(w.intAt(pos));
            if (h != null && (first == null || h.sameStream(first))) {
                int len = h.frameLength();
                // After junk, a candidate counts only if another frame (or the end) follows it.
                if (pos + len <= end && (inSync || pos + len == end || nextMatches(w, pos + len, end, h))) {
                    if (first == null) {
                        first = h;
                        if (isVbrTag(w, pos, h)) {
                            vbrTagOffset = pos;
                            vbrTagSize = len;
                            pos += len;
                            inSync = true;
                            continue;
                        }
                    }
                    index.add(pos, len);
                    pos += len;
                    inSync = true;
                    continue;
                }
            }
            inSync = false;
            pos++;
        }
        if (index.count == 0) {
            throw new MediaFormatException("no MPEG audio frames found in " + path);
        }
        return new Mp3File(path, ch, first, Arrays.copyOf(index.offsets, index.count),
                Arrays.copyOf(index.sizes, index.count), vbrTagOffset, vbrTagSize);
    }

    private static boolean nextMatches(ChannelWindow w, long pos, long end, Mp3FrameHeader h) throws IOException {
        if (pos + 4 > end) {
            return false;
        }
        Mp3FrameHeader next = Mp3FrameHeader.parse(w.intAt(pos));
        return next != null && next.sameStream(h);
    }

    /** Xing/Info sit after the Layer III side info; VBRI (Fraunhofer) always 32 bytes after the header. */
    private static boolean isVbrTag(ChannelWindow w, long pos, Mp3FrameHeader h) throws IOException {
        if (h.layer() != 3) {
            return false;
        }
        byte[] frame = w.bytes(pos, h.frameLength());
        int xing = 4 + (h.crcProtected() ? 2 : 0) + h.sideInfoLength();
        return hasTag(frame, xing, "Xing") || hasTag(frame, xing, "Info") || hasTag(frame, 4 + h.sideInfoLength(), "Xing")
                || hasTag(frame, 4 + h.sideInfoLength(), "Info") || hasTag(frame, 36, "VBRI");
    }

    private static boolean hasTag(byte[] frame, int at, String tag) {
        if (at + 4 > frame.length) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (frame[at + i] != tag.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Growable primitive frame index used during the scan. */
    private static final class FrameIndex {
        private final Path path;
        long[] offsets = new long[1024];
        int[] sizes = new int[1024];
        int count;

        FrameIndex(Path path) {
            this.path = path;
        }

        void add(long offset, int size) throws MediaFormatException {
            if (count == offsets.length) {
                if (count >= MAX_FRAMES) {
                    throw new MediaFormatException("more than " + MAX_FRAMES + " frames in " + path);
                }
                offsets = Arrays.copyOf(offsets, count * 2);
                sizes = Arrays.copyOf(sizes, count * 2);
            }
            offsets[count] = offset;
            sizes[count] = size;
            count++;
        }
    }

    public Path path() {
        return path;
    }

    /** Header of the first audio frame; stream-wide properties come from it. */
    public Mp3FrameHeader firstHeader() {
        return firstHeader;
    }

    public int sampleRate() {
        return firstHeader.sampleRate();
    }

    public int channels() {
        return firstHeader.channels();
    }

    public int samplesPerFrame() {
        return firstHeader.samplesPerFrame();
    }

    public int frameCount() {
        return offsets.length;
    }

    /** Whether a Xing/Info/VBRI tag frame was found (and left out of the index). */
    public boolean hasVbrTag() {
        return vbrTag;
    }

    /** Size of the Xing/Info/VBRI tag frame, 0 when there is none. */
    public int vbrTagSize() {
        return vbrTagSize;
    }

    /**
     * Reads the Xing/Info/VBRI tag frame (header included) into {@code dst}; thread-safe. A player that gets
     * it before the audio knows the encoder delay and padding (LAME) and trims them: gapless playback.
     *
     * @throws IllegalStateException when the file has no such frame
     */
    public int readVbrTag(ByteBuffer dst) throws IOException {
        if (vbrTagSize == 0) {
            throw new IllegalStateException(path + " has no VBR tag frame");
        }
        return readAt(vbrTagOffset, vbrTagSize, dst, "the VBR tag frame");
    }

    public double durationSeconds() {
        return (double) frameCount() * samplesPerFrame() / sampleRate();
    }

    /** Average bitrate in bits per second over all audio frames. */
    public int bitrate() {
        double seconds = durationSeconds();
        return seconds == 0 ? 0 : (int) Math.round(totalBytes * 8 / seconds);
    }

    public long frameOffset(int i) {
        return offsets[i];
    }

    public int frameSize(int i) {
        return sizes[i];
    }

    /** Largest frame, for sizing read buffers. */
    public int maxFrameSize() {
        int max = 0;
        for (int s : sizes) {
            max = Math.max(max, s);
        }
        return max;
    }

    /** Index of the frame playing at {@code seconds} (clamped to the file); -1 never happens for an open file. */
    public int frameAtOrBefore(double seconds) {
        if (!(seconds > 0)) {
            return 0;
        }
        long i = (long) Math.floor(seconds * sampleRate() / samplesPerFrame());
        return (int) Math.min(i, frameCount() - 1L);
    }

    /** Start time of frame {@code i} in seconds. */
    public double frameTimeSeconds(int i) {
        return (double) i * samplesPerFrame() / sampleRate();
    }

    /** Reads frame {@code i} (header included) into {@code dst}; thread-safe. Returns its size. */
    public int readFrame(int i, ByteBuffer dst) throws IOException {
        return readAt(offsets[i], sizes[i], dst, "frame " + i);
    }

    private int readAt(long offset, int size, ByteBuffer dst, String what) throws IOException {
        if (dst.remaining() < size) {
            throw new IllegalArgumentException("destination has " + dst.remaining() + " bytes free, frame needs " + size);
        }
        ByteBuffer window = dst.duplicate();
        window.limit(window.position() + size);
        long p = offset;
        while (window.hasRemaining()) {
            int n = channel.read(window, p);
            if (n < 0) {
                throw new MediaFormatException(what + " runs past the end of " + path);
            }
            p += n;
        }
        dst.position(dst.position() + size);
        return size;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
