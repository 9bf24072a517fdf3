package org.tributary.rtsp;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The decoder's hand-written splitting gives what the regular expressions it replaced gave. */
class RtspDecoderSplitTest {

    private static final List<String> HEADS = List.of(
            "OPTIONS * RTSP/1.0\r\nCSeq: 1",
            "OPTIONS * RTSP/1.0\nCSeq: 1\nUser-Agent: x",
            "DESCRIBE rtsp://h/a RTSP/1.0\r\nCSeq: 2\r\n\r\nX: y",
            "SETUP rtsp://h/a/trackID=1 RTSP/1.0\r\nTransport: RTP/AVP;unicast\r\n Folded: on\r\nCSeq: 3",
            "PLAY x RTSP/1.0\r\rCSeq: 4",
            "one line",
            "");

    private static final List<String> LINES = List.of(
            "RTSP/1.0 200 OK", "RTSP/1.0  200   Not  Found", "RTSP/1.0 200", "RTSP/1.0 200 ", "A B C D",
            "GET  /x   HTTP/1.1", "X", "A  ", "A\tB C");

    @Test
    void linesSplitLikeTheCrLfPattern() {
        for (String head : HEADS) {
            assertArrayEquals(head.split("\r?\n"), RtspDecoder.lines(head), head);
        }
    }

    @Test
    void wordsSplitLikeTheSpacesPattern() {
        for (String line : LINES) {
            assertArrayEquals(line.split(" +"), RtspDecoder.words(line, Integer.MAX_VALUE), line);
            String[] three = line.split(" +", 3);
            if (three[three.length - 1].isEmpty()) {
                three = java.util.Arrays.copyOf(three, three.length - 1); // a trailing space: an empty reason either way
            }
            assertArrayEquals(three, RtspDecoder.words(line, 3), line);
        }
    }
}
