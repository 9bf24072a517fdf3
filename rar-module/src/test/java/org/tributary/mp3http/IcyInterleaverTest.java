package org.tributary.mp3http;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IcyInterleaverTest {

    /** What a player does: take metaint audio bytes, then a length byte and that many 16-byte blocks. */
    private record Received(byte[] audio, List<String> metadata) {
    }

    private static Received split(byte[] stream, int metaint) {
        ByteArrayOutputStream audio = new ByteArrayOutputStream();
        List<String> metadata = new ArrayList<>();
        int i = 0;
        while (i < stream.length) {
            int n = Math.min(metaint, stream.length - i);
            audio.write(stream, i, n);
            i += n;
            if (n < metaint || i >= stream.length) {
                break;
            }
            int length = (stream[i++] & 0xFF) * 16;
            metadata.add(new String(stream, i, length, StandardCharsets.UTF_8));
            i += length;
        }
        return new Received(audio.toByteArray(), metadata);
    }

    @Test
    void metadataComesEveryMetaintBytesWhateverTheChunkSizes() {
        byte[] audio = new byte[10_000];
        new Random(7).nextBytes(audio);
        IcyInterleaver icy = new IcyInterleaver(1000, "Tone at 440 Hz");
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        Random chunks = new Random(11);
        int pos = 0;
        while (pos < audio.length) {
            int n = Math.min(audio.length - pos, 1 + chunks.nextInt(2500));
            ByteBuffer out = ByteBuffer.allocate(icy.maxOutput(n));
            icy.interleave(ByteBuffer.wrap(audio, pos, n), out);
            sent.write(out.array(), 0, out.position());
            pos += n;
        }
        Received received = split(sent.toByteArray(), 1000);
        assertArrayEquals(audio, received.audio());
        assertEquals(10, received.metadata().size(), "one block after each 1000 bytes");
        assertTrue(received.metadata().get(0).startsWith("StreamTitle='Tone at 440 Hz';"), received.metadata().get(0));
        assertTrue(received.metadata().get(0).substring("StreamTitle='Tone at 440 Hz';".length()).chars().allMatch(c -> c == 0),
                "NUL padding");
        for (String later : received.metadata().subList(1, 10)) {
            assertEquals("", later, "no change: a single 0 length byte");
        }
    }

    @Test
    void blocksAreWholeSixteenByteUnitsAndLongTitlesKeepTheirEnd() {
        byte[] block = IcyInterleaver.block("ab");
        assertEquals(2, block[0], "StreamTitle='ab'; is 17 bytes: two units");
        assertEquals(33, block.length);
        assertEquals("StreamTitle='ab';", new String(block, 1, 17, StandardCharsets.UTF_8));
        assertEquals(0, block[32]);
        byte[] exact = IcyInterleaver.block("");
        assertEquals(1, exact[0], "StreamTitle=''; fits one unit");
        assertEquals("StreamTitle='';", new String(exact, 1, 15, StandardCharsets.UTF_8));

        byte[] huge = IcyInterleaver.block("x".repeat(5000));
        assertEquals(IcyInterleaver.MAX_BLOCK, huge.length);
        assertEquals(255, huge[0] & 0xFF);
        String text = new String(huge, 1, huge.length - 1, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("StreamTitle='xxx") && text.endsWith("';"), text.substring(text.length() - 10));
    }

    @Test
    void controlCharactersAndTheValueTerminatorAreNeutralised() {
        String text = new String(IcyInterleaver.block("a\nb';c"), StandardCharsets.UTF_8);
        assertTrue(text.contains("StreamTitle='a b' ;c';"), text);
    }
}
