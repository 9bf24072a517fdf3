package org.tributary.media.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.tributary.fuzz.FuzzScratch;
import org.tributary.media.MediaFormatException;

/**
 * A whole MP4/QuickTime file: the box structure, every track's sample descriptions and sample tables
 * ({@link Mp4File#open}), then the first samples of every track and, for hint tracks, their hint
 * samples assembled into RTP payloads as the hinted source sends them. Refusals are
 * {@link MediaFormatException}; anything else thrown is a bug.
 */
class Mp4FileFuzzTest {

    private static final int SAMPLES_PER_TRACK = 8;
    private static final FuzzScratch SCRATCH = new FuzzScratch("mp4");

    @FuzzTest
    void open(byte[] data) throws IOException {
        try (Mp4File file = Mp4File.open(SCRATCH.write(data))) {
            file.durationSeconds();
            for (Mp4Track track : file.tracks()) {
                readSamples(file, track, data.length);
            }
        } catch (MediaFormatException refused) {
            // the file is left out of the catalogue
        }
    }

    private static void readSamples(Mp4File file, Mp4Track track, int fileSize) throws IOException {
        SampleTable table = track.samples();
        for (int i = 0; i < Math.min(SAMPLES_PER_TRACK, table.count()); i++) {
            int size = table.size(i);
            assertTrue(size >= 0, "negative sample size");
            if (size > fileSize) {
                continue; // cannot be read from this file; the read below would only allocate
            }
            ByteBuffer sample = ByteBuffer.allocate(size);
            assertEquals(size, file.readSample(track, i, sample));
            if (track.isHintTrack()) {
                sample.flip();
                for (HintPacket p : RtpHintSample.parse(sample).packets()) {
                    if (p.payloadLength() <= fileSize) {
                        HintPacketAssembler.assemble(p, file, track, ByteBuffer.allocate(p.payloadLength()));
                    }
                }
            }
        }
    }
}
