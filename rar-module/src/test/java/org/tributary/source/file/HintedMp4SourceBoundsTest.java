package org.tributary.source.file;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.media.FfmpegFixtures;
import org.tributary.source.UnsupportedMediaException;

/** A hint track's maxPacketSize sizes a buffer allocated on every PLAY: an absurd one is refused at open. */
class HintedMp4SourceBoundsTest {
    @TempDir
    Path dir;

    @Test
    void maxPacketSizeBeyondAUdpDatagramIsRefusedWhenTheFileIsOpened() throws Exception {
        assumeTrue(FfmpegFixtures.available(), "ffmpeg not installed");
        Path hinted = FfmpegFixtures.avFile(dir, "hinted.mp4", "-movflags", "+rtphint");
        assertFalse(FileSources.open(hinted).tracks().isEmpty());
        Path hostile = dir.resolve("hostile-hint.mp4");
        Files.write(hostile, withMaxPacketSize(Files.readAllBytes(hinted), 0xFFFF_FFF0L));
        UnsupportedMediaException e = assertThrows(UnsupportedMediaException.class, () -> FileSources.open(hostile));
        assertTrue(e.getMessage().contains("maxPacketSize 4294967280"), e.getMessage());

        Path largest = dir.resolve("largest-hint.mp4");
        Files.write(largest, withMaxPacketSize(Files.readAllBytes(hinted), HintedMp4Source.MAX_PACKET_BYTES));
        assertFalse(FileSources.open(largest).tracks().isEmpty(), "a packet size that fits a datagram is served");
    }

    /**
     * Sets maxPacketSize in every 'rtp ' sample entry: size, 'rtp ', 6 reserved zero bytes, data reference
     * index, hint track version and last compatible version, then the 32-bit maxPacketSize.
     */
    static byte[] withMaxPacketSize(byte[] file, long value) {
        ByteBuffer b = ByteBuffer.wrap(file);
        int patched = 0;
        for (int i = 4; i + 20 <= file.length; i++) {
            if (file[i] == 'r' && file[i + 1] == 't' && file[i + 2] == 'p' && file[i + 3] == ' '
                    && b.getInt(i + 4) == 0 && b.getShort(i + 8) == 0) {
                b.putInt(i + 16, (int) value);
                patched++;
            }
        }
        assertTrue(patched > 0, "no 'rtp ' sample entry found");
        return file;
    }
}
