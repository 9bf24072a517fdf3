package org.tributary.media.mp3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ID3v2 extended header's size comes from the file: negative, huge or short ones give no title, never an exception. */
class Id3ExtendedHeaderTest {

    @TempDir
    Path dir;

    /** An ID3v2.3/2.4 tag with the extended-header flag, the given extended-header size field, and a TIT2 frame. */
    static byte[] tagWithExtendedHeader(int version, int extendedSizeField, int extendedBodyBytes) {
        byte[] text = "Title".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ByteBuffer.allocate(4).putInt(extendedSizeField).array());
        body.writeBytes(new byte[extendedBodyBytes]);
        body.writeBytes("TIT2".getBytes(StandardCharsets.ISO_8859_1));
        body.writeBytes(new byte[] {0, 0, 0, (byte) (text.length + 1), 0, 0, 0});
        body.writeBytes(text);
        body.writeBytes(new byte[16]); // padding
        int n = body.size();
        ByteArrayOutputStream tag = new ByteArrayOutputStream();
        tag.writeBytes(new byte[] {'I', 'D', '3', (byte) version, 0, 0x40});
        tag.writeBytes(new byte[] {(byte) (n >> 21 & 0x7F), (byte) (n >> 14 & 0x7F), (byte) (n >> 7 & 0x7F), (byte) (n & 0x7F)});
        tag.writeBytes(body.toByteArray());
        return tag.toByteArray();
    }

    @Test
    void aWellFormedExtendedHeaderIsSkipped() {
        assertEquals("Title", Id3Title.fromV2(tagWithExtendedHeader(3, 6, 6)), "v2.3: size excludes its own field");
        assertEquals("Title", Id3Title.fromV2(tagWithExtendedHeader(4, 6, 2)), "v2.4: syncsafe, includes it");
    }

    @Test
    void aNegativeExtendedHeaderSizeGivesNoTitle() {
        assertNull(Id3Title.fromV2(tagWithExtendedHeader(3, -16, 6)));
        assertNull(Id3Title.fromV2(tagWithExtendedHeader(3, -4, 6)), "a size of 0 after the field: no progress");
        assertNull(Id3Title.fromV2(tagWithExtendedHeader(3, Integer.MAX_VALUE, 6)), "overflows int when added");
    }

    @Test
    void anExtendedHeaderRunningPastTheTagGivesNoTitle() {
        assertNull(Id3Title.fromV2(tagWithExtendedHeader(3, 100_000, 6)));
        assertNull(Id3Title.fromV2(tagWithExtendedHeader(4, 0x7F7F7F7F, 2)));
        assertNull(Id3Title.fromV2(tagWithExtendedHeader(4, 0, 2)), "v2.4 sizes below 4 cannot hold the field");
    }

    @Test
    void aFileWithANegativeExtendedHeaderSizeIsReadWithoutATitle() throws Exception {
        Path file = dir.resolve("negative-ext.mp3");
        Files.write(file, tagWithExtendedHeader(3, -16, 6));
        assertNull(Id3Title.read(file));
    }
}
