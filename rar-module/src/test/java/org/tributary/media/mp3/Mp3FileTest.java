package org.tributary.media.mp3;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.media.FfmpegFixtures;
import org.tributary.media.MediaFormatException;

class Mp3FileTest {
    private static final int HEADER = 0xFFFB9064; // MPEG-1 L3 128 kbps 44.1 kHz, 417 bytes
    private static final int FRAME = 417;
    private static final byte[] FAKE_SYNC = {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64};

    @TempDir
    Path dir;

    /** A frame whose body is {@code fill} except for a marker (frame number) right after the header. */
    private static byte[] frame(int number) {
        ByteBuffer b = ByteBuffer.allocate(FRAME);
        b.putInt(HEADER).putInt(number);
        return b.array();
    }

    private static byte[] xingFrame() {
        byte[] f = frame(0);
        System.arraycopy("Xing".getBytes(StandardCharsets.US_ASCII), 0, f, 4 + 32, 4);
        return f;
    }

    /** ID3v2.4 tag with footer, whose body is full of fake frame syncs the scanner must not see. */
    private static byte[] id3v2WithFooter(int bodySize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] size = {(byte) (bodySize >> 21 & 0x7F), (byte) (bodySize >> 14 & 0x7F), (byte) (bodySize >> 7 & 0x7F),
            (byte) (bodySize & 0x7F)};
        out.writeBytes(new byte[] {'I', 'D', '3', 4, 0, 0x10});
        out.writeBytes(size);
        for (int i = 0; i < bodySize; i++) {
            out.write(FAKE_SYNC[i % 4]);
        }
        out.writeBytes(new byte[] {'3', 'D', 'I', 4, 0, 0x10});
        out.writeBytes(size);
        return out.toByteArray();
    }

    private Path write(byte[] data) throws IOException {
        Path p = dir.resolve("t.mp3");
        Files.write(p, data);
        return p;
    }

    @Test
    void skipsTagsJunkAndXingFrame() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] tag = id3v2WithFooter(300);
        out.writeBytes(tag);
        out.writeBytes(xingFrame());
        for (int i = 1; i <= 10; i++) {
            out.writeBytes(frame(i));
            if (i == 5) {
                out.writeBytes(new byte[] {1, 2, 3, (byte) 0xFF, (byte) 0xFB, 7}); // junk with a false sync
            }
        }
        byte[] v1 = new byte[128];
        v1[0] = 'T';
        v1[1] = 'A';
        v1[2] = 'G';
        v1[3] = (byte) 0xFF; // a sync-looking byte inside the tag
        v1[4] = (byte) 0xFB;
        out.writeBytes(v1);
        try (Mp3File f = Mp3File.open(write(out.toByteArray()))) {
            assertTrue(f.hasVbrTag());
            assertEquals(10, f.frameCount());
            assertEquals(44100, f.sampleRate());
            assertEquals(2, f.channels());
            assertEquals(1152, f.samplesPerFrame());
            assertEquals(tag.length + FRAME, f.frameOffset(0));
            assertEquals(10 * 1152 / 44100.0, f.durationSeconds(), 1e-9);
            assertEquals(128000, f.bitrate(), 500);
            for (int i = 0; i < 10; i++) {
                ByteBuffer b = ByteBuffer.allocate(FRAME);
                assertEquals(FRAME, f.readFrame(i, b));
                assertEquals(HEADER, b.getInt(0));
                assertEquals(i + 1, b.getInt(4), "frame " + i);
            }
            assertEquals(0, f.frameAtOrBefore(-1));
            assertEquals(0, f.frameAtOrBefore(0.02));
            assertEquals(3, f.frameAtOrBefore(3 * 1152 / 44100.0 + 0.001));
            assertEquals(9, f.frameAtOrBefore(1000));
        }
    }

    @Test
    void truncatedLastFrameIsDropped() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 1; i <= 4; i++) {
            out.writeBytes(frame(i));
        }
        out.writeBytes(java.util.Arrays.copyOf(frame(5), 100));
        try (Mp3File f = Mp3File.open(write(out.toByteArray()))) {
            assertFalse(f.hasVbrTag());
            assertEquals(4, f.frameCount());
        }
    }

    @Test
    void fileWithoutFramesIsAFormatError() throws IOException {
        Path p = write(id3v2WithFooter(1000));
        assertThrows(MediaFormatException.class, () -> Mp3File.open(p));
        Path q = write(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64, 0, 0});
        assertThrows(MediaFormatException.class, () -> Mp3File.open(q));
    }

    @Test
    void ffmpegLameFile() throws Exception {
        assumeTrue(FfmpegFixtures.available(), "ffmpeg not installed");
        try (Mp3File f = Mp3File.open(FfmpegFixtures.mp3File(dir, "lame.mp3"))) {
            assertTrue(f.hasVbrTag(), "ffmpeg writes a Xing/Info frame");
            assertEquals(48000, f.sampleRate());
            assertEquals(1, f.channels());
            assertEquals(1152, f.samplesPerFrame());
            assertEquals(3.0, f.durationSeconds(), 0.1);
            assertTrue(f.bitrate() > 32000 && f.bitrate() < 200000, "bitrate " + f.bitrate());
            for (int i = 1; i < f.frameCount(); i++) {
                assertEquals(f.frameOffset(i - 1) + f.frameSize(i - 1), f.frameOffset(i), "frames are contiguous");
            }
            ByteBuffer b = ByteBuffer.allocate(f.maxFrameSize());
            f.readFrame(f.frameCount() - 1, b);
            assertNotNull(Mp3FrameHeader.parse(b.getInt(0)));
        }
    }
}
