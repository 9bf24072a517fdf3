package org.tributary.media.mp3;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class Id3TitleTest {

    @TempDir
    Path dir;

    private static byte[] size(int n, boolean syncsafe) {
        return syncsafe ? new byte[] {(byte) (n >> 21 & 0x7F), (byte) (n >> 14 & 0x7F), (byte) (n >> 7 & 0x7F), (byte) (n & 0x7F)}
                : new byte[] {(byte) (n >> 24), (byte) (n >> 16), (byte) (n >> 8), (byte) n};
    }

    /** A text frame: id, size, flags, then encoding byte and text. */
    private static byte[] frame(int version, String id, int encoding, String text, Charset charset) {
        byte[] body = text.getBytes(charset);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
        if (version == 2) {
            int n = body.length + 1;
            out.writeBytes(new byte[] {(byte) (n >> 16), (byte) (n >> 8), (byte) n});
        } else {
            out.writeBytes(size(body.length + 1, version == 4));
            out.writeBytes(new byte[2]);
        }
        out.write(encoding);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] tag(int version, byte[]... frames) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] f : frames) {
            body.writeBytes(f);
        }
        body.writeBytes(new byte[20]); // padding
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'I', 'D', '3', (byte) version, 0, 0});
        out.writeBytes(size(body.size(), true));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    @Test
    void titleFramesOfEachVersionAndEncoding() {
        assertEquals("Latin é", Id3Title.fromV2(tag(3, frame(3, "TSSE", 0, "Lavf", StandardCharsets.ISO_8859_1),
                frame(3, "TIT2", 0, "Latin é", StandardCharsets.ISO_8859_1))));
        assertEquals("Grüße ♪", Id3Title.fromV2(tag(4, frame(4, "TIT2", 3, "Grüße ♪\0", StandardCharsets.UTF_8))));
        assertEquals("Wide", Id3Title.fromV2(tag(3, frame(3, "TIT2", 1, "Wide", StandardCharsets.UTF_16))));
        assertEquals("Old", Id3Title.fromV2(tag(2, frame(2, "TT2", 0, "Old", StandardCharsets.ISO_8859_1))));
        assertNull(Id3Title.fromV2(tag(4, frame(4, "TSSE", 0, "Lavf", StandardCharsets.ISO_8859_1))));
    }

    @Test
    void aFrameRunningPastTheTagGivesNoTitle() {
        byte[] t = tag(3, frame(3, "TIT2", 0, "x", StandardCharsets.ISO_8859_1));
        t[10 + 7] = 0x7F; // frame size far beyond the tag
        assertNull(Id3Title.fromV2(t));
    }

    @Test
    void filesWithV2V1OrNoTag() throws Exception {
        byte[] audio = new byte[1000];
        Path v2 = dir.resolve("v2.mp3");
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(tag(4, frame(4, "TIT2", 3, "From v2", StandardCharsets.UTF_8)));
        file.writeBytes(audio);
        Files.write(v2, file.toByteArray());
        assertEquals("From v2", Id3Title.read(v2));

        byte[] v1 = new byte[128];
        v1[0] = 'T';
        v1[1] = 'A';
        v1[2] = 'G';
        byte[] title = "From v1   ".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(title, 0, v1, 3, title.length);
        Path withV1 = dir.resolve("v1.mp3");
        ByteArrayOutputStream file1 = new ByteArrayOutputStream();
        file1.writeBytes(audio);
        file1.writeBytes(v1);
        Files.write(withV1, file1.toByteArray());
        assertEquals("From v1", Id3Title.read(withV1));

        Path none = dir.resolve("none.mp3");
        Files.write(none, audio);
        assertNull(Id3Title.read(none));
    }
}
