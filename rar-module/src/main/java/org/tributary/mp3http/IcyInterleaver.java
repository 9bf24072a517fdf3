package org.tributary.mp3http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The SHOUTcast/Icecast metadata protocol: after every {@code metaint} bytes of audio comes one length
 * byte n and n × 16 bytes of text ({@code StreamTitle='...';} padded with NULs). The title goes in the
 * first block; later blocks are a single 0 byte ("no change"), as Icecast sends for a title that stays.
 * A new {@link #title(String)} goes out in the next block. One instance per stream; not thread-safe.
 */
public final class IcyInterleaver {

    /** n is one byte: at most 255 × 16 bytes of metadata. */
    static final int MAX_BLOCK = 1 + 255 * 16;

    private final int metaint;
    private byte[] titleBlock;
    private int untilMetadata;
    private boolean titleSent;

    public IcyInterleaver(int metaint, String title) {
        if (metaint < 1) {
            throw new IllegalArgumentException("metaint must be positive");
        }
        this.metaint = metaint;
        this.titleBlock = block(title);
        this.untilMetadata = metaint;
    }

    /** The metadata block announcing a title: length byte, {@code StreamTitle='...';}, NUL padding. */
    static byte[] block(String title) {
        String clean = title == null ? "" : title.replaceAll("[\\x00-\\x1f\\x7f]", " ").replace("';", "' ;");
        byte[] text = ("StreamTitle='" + clean + "';").getBytes(StandardCharsets.UTF_8);
        int max = MAX_BLOCK - 1;
        if (text.length > max) {
            // Shorten the title, not the closing "';", so players still find the end of the value.
            byte[] cut = new byte[max];
            System.arraycopy(text, 0, cut, 0, max - 2);
            cut[max - 2] = '\'';
            cut[max - 1] = ';';
            text = cut;
        }
        int blocks = (text.length + 15) / 16;
        byte[] out = new byte[1 + blocks * 16];
        out[0] = (byte) blocks;
        System.arraycopy(text, 0, out, 1, text.length);
        return out;
    }

    /**
     * The most bytes {@link #interleave} can write for {@code audioBytes} of audio, whatever the titles:
     * also when the audio is interleaved in several calls with title changes between them.
     */
    public int maxOutput(int audioBytes) {
        return audioBytes + (audioBytes / metaint + 1) * MAX_BLOCK;
    }

    /** The title the next metadata block announces (then 0-length blocks again until it changes). */
    public void title(String title) {
        titleBlock = block(title);
        titleSent = false;
    }

    /**
     * Copies all of {@code audio} into {@code out}, putting a metadata block wherever the count of audio
     * bytes since the last one reaches metaint. {@code out} must have {@link #maxOutput} bytes free.
     */
    public void interleave(ByteBuffer audio, ByteBuffer out) {
        while (audio.hasRemaining()) {
            int n = Math.min(audio.remaining(), untilMetadata);
            ByteBuffer part = audio.slice(audio.position(), n);
            out.put(part);
            audio.position(audio.position() + n);
            untilMetadata -= n;
            if (untilMetadata == 0) {
                if (titleSent) {
                    out.put((byte) 0);
                } else {
                    out.put(titleBlock);
                    titleSent = true;
                }
                untilMetadata = metaint;
            }
        }
    }
}
