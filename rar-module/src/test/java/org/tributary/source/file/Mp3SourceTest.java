package org.tributary.source.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tributary.source.MediaSource;
import org.tributary.source.SourceReader;

/** An MP3 file read through the shared track-merging reader: frame times, RTP timestamps and seeking. */
class Mp3SourceTest {
    /** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, no padding: 417-byte frames of 1152 samples. */
    private static final int FRAME_BYTES = 417;
    private static final int FRAMES = 100;

    private record Sent(int track, int length, boolean marker, long timestamp, int payloadType) {
    }

    private static Path mp3File() throws IOException {
        byte[] data = new byte[FRAME_BYTES * FRAMES];
        for (int f = 0; f < FRAMES; f++) {
            data[f * FRAME_BYTES] = (byte) 0xFF;
            data[f * FRAME_BYTES + 1] = (byte) 0xFB;
            data[f * FRAME_BYTES + 2] = (byte) 0x90;
            data[f * FRAME_BYTES + 3] = (byte) 0x00;
        }
        Path dir = Files.createDirectories(Path.of("target", "mp3-source-test"));
        return Files.write(dir.resolve("tone.mp3"), data);
    }

    private static long frameMicros(int frame) {
        return Math.round(frame * 1152 / 44100.0 * 1_000_000);
    }

    @Test
    void emitsEveryFrameAtItsTimeWithA90kHzTimestamp() throws Exception {
        MediaSource source = FileSources.open(mp3File());
        List<Sent> sent = new ArrayList<>();
        try (SourceReader reader = source.openReader()) {
            assertEquals(0, reader.nextSendTimeMicros());
            while (reader.nextSendTimeMicros() != SourceReader.END) {
                assertEquals(frameMicros(sent.size()), reader.nextSendTimeMicros());
                reader.emitNext((track, payload, marker, ts, pt) -> sent.add(
                        new Sent(track, payload.remaining(), marker, ts, pt)));
            }
        }
        assertEquals(FRAMES, sent.size());
        assertEquals(new Sent(0, 4 + FRAME_BYTES, false, 0, 14), sent.get(0));
        assertEquals(new Sent(0, 4 + FRAME_BYTES, false, Math.round(37 * 1152 / 44100.0 * 90_000), 14), sent.get(37));
    }

    @Test
    void seekLandsOnTheFrameAtOrBefore() throws Exception {
        MediaSource source = FileSources.open(mp3File());
        try (SourceReader reader = source.openReader()) {
            // 0.5 s falls inside frame 19 (0.4963 s .. 0.5224 s); start times are whole microseconds
            assertEquals(frameMicros(19) / 1e6, reader.seek(0.5), 1e-6);
            assertEquals(frameMicros(19), reader.nextSendTimeMicros());
            assertEquals(frameMicros(20) / 1e6, reader.seek(frameMicros(20) / 1e6), 1e-6);
            assertEquals(frameMicros(20), reader.nextSendTimeMicros());
            assertEquals(0.0, reader.seek(-3), 0.0);
            assertEquals(0, reader.nextSendTimeMicros());
            assertEquals(frameMicros(FRAMES - 1) / 1e6, reader.seek(3600), 1e-6);
            long[] timestamp = new long[1];
            reader.emitNext((track, payload, marker, ts, pt) -> timestamp[0] = ts);
            assertEquals(Math.round((FRAMES - 1) * 1152 / 44100.0 * 90_000), timestamp[0]);
            assertEquals(SourceReader.END, reader.nextSendTimeMicros());
        }
    }
}
