package org.tributary.media.mp3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.tributary.fuzz.FuzzScratch;
import org.tributary.media.MediaFormatException;

/**
 * A whole MP3 file: ID3v2/ID3v1 tags, the frame scan with resynchronisation, the Xing/Info/VBRI tag
 * ({@link Mp3File#open}), reading the tag and every frame back, seeking, and the title
 * ({@link Id3Title#read}, which answers null for anything malformed). Refusals are
 * {@link MediaFormatException}; anything else thrown is a bug, and so is a frame outside the file.
 */
class Mp3FileFuzzTest {

    private static final FuzzScratch SCRATCH = new FuzzScratch("mp3");

    @FuzzTest
    void open(byte[] data) throws IOException {
        Id3Title.read(SCRATCH.write(data));
        try (Mp3File file = Mp3File.open(SCRATCH.write(data))) {
            assertTrue(file.frameCount() > 0);
            if (file.hasVbrTag()) {
                assertEquals(file.vbrTagSize(), file.readVbrTag(ByteBuffer.allocate(file.vbrTagSize())));
            }
            ByteBuffer frame = ByteBuffer.allocate(file.maxFrameSize());
            for (int i = 0; i < file.frameCount(); i++) {
                assertTrue(file.frameOffset(i) >= 0 && file.frameOffset(i) + file.frameSize(i) <= data.length,
                        "frame " + i + " lies outside the file");
                frame.clear();
                assertEquals(file.frameSize(i), file.readFrame(i, frame));
            }
            int seek = file.frameAtOrBefore(file.durationSeconds() / 2);
            assertTrue(seek >= 0 && seek < file.frameCount());
            file.bitrate();
        } catch (MediaFormatException refused) {
            // the file is left out of the catalogue
        }
    }
}
