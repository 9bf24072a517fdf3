package org.tributary.media.mp3;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.media.MediaFormatException;

/** The frame scan always makes progress and ends with a format error on files with no audio, whatever the tags say. */
class Mp3ScanBoundsTest {
    @TempDir
    Path dir;

    private static byte[] id3(int size) {
        return new byte[] {'I', 'D', '3', 3, 0, 0, (byte) (size >> 21 & 0x7F), (byte) (size >> 14 & 0x7F),
            (byte) (size >> 7 & 0x7F), (byte) (size & 0x7F)};
    }

    private void assertNoFrames(String name, byte[] content) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            MediaFormatException e = assertThrows(MediaFormatException.class, () -> Mp3File.open(file).close());
            assertTrue(e.getMessage().contains("no MPEG audio frames"), e.getMessage());
        });
    }

    @Test
    void thousandsOfEmptyTagsInARowEndTheScan() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < 50_000; i++) {
            b.writeBytes(id3(0));
        }
        assertNoFrames("tags.mp3", b.toByteArray());
    }

    @Test
    void aTagClaimingMoreThanTheFileEndsTheScan() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(id3(0x0FFF_FFFF));
        b.writeBytes(new byte[4096]);
        assertNoFrames("huge-tag.mp3", b.toByteArray());
    }

    @Test
    void framesWhoseSyncNeverRepeatsAreJunk() throws Exception {
        byte[] junk = new byte[256 * 1024];
        for (int i = 0; i + 4 <= junk.length; i += 4) { // a plausible header every 4 bytes, never a frame apart
            junk[i] = (byte) 0xFF;
            junk[i + 1] = (byte) 0xFB;
            junk[i + 2] = (byte) 0x90;
            junk[i + 3] = 0x64;
        }
        assertNoFrames("junk.mp3", junk);
    }
}
