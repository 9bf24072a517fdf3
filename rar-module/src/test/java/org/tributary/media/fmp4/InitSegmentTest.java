package org.tributary.media.fmp4;

import org.junit.jupiter.api.Test;
import org.tributary.media.mp4.Mp4File;
import org.tributary.media.mp4.Mp4Track;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The init segment is read back by the project's own MP4 reader: tracks, timescales, avcC and esds as given. */
class InitSegmentTest {

    private static final byte[] AVCC = {1, 0x4D, 0x40, 0x1E, (byte) 0xFF, (byte) 0xE1, 0, 4, 0x67, 0x4D, 0x40, 0x1E,
            1, 0, 2, 0x68, (byte) 0xEE};
    private static final byte[] AAC_CONFIG = {0x11, (byte) 0x90};

    private final Path dir = Path.of("target/init-segment-test");

    @Test
    void anMp4ReaderFindsBothTracksWithTheirDecoderConfigurations() throws Exception {
        byte[] init = InitSegment.write(List.of(
                new InitTrack(1, "vide", 12_800, 640, 360, SampleEntries.visual("avc1", 640, 360, "avcC", AVCC)),
                new InitTrack(2, "soun", 48_000, 0, 0, SampleEntries.audio(2, 48_000,
                        SampleEntries.OBJECT_TYPE_AAC, AAC_CONFIG, 128_000, 96_000))));
        List<ParsedBox> boxes = ParsedBox.parse(init);
        assertEquals(List.of("ftyp", "moov"), boxes.stream().map(ParsedBox::type).toList());
        ParsedBox moov = boxes.get(1);
        assertEquals(2, moov.all("trak").size());
        assertEquals(2, moov.child("mvex").all("trex").size());
        Files.createDirectories(dir);
        Path file = dir.resolve("init.mp4");
        Files.write(file, init);
        try (Mp4File mp4 = Mp4File.open(file)) {
            Mp4Track video = mp4.trackById(1);
            assertEquals("vide", video.handlerType());
            assertEquals(12_800, video.mediaTimescale());
            assertEquals("avc1", video.sampleEntry().fourcc());
            assertEquals(640, video.sampleEntry().width());
            assertEquals(360, video.sampleEntry().height());
            assertArrayEquals(AVCC, video.sampleEntry().avcC());
            Mp4Track audio = mp4.trackById(2);
            assertEquals("soun", audio.handlerType());
            assertEquals(48_000, audio.mediaTimescale());
            assertEquals(0x40, audio.sampleEntry().objectTypeIndication());
            assertArrayEquals(AAC_CONFIG, audio.sampleEntry().decoderSpecificInfo());
            assertEquals(2, audio.sampleEntry().channelCount());
            assertEquals(48_000, audio.sampleEntry().sampleRate());
            assertEquals(0, video.samples().count());
        }
    }
}
