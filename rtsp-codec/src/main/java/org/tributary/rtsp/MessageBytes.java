package org.tributary.rtsp;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The bytes of a request or response: start line, the headers in order, blank line, body. */
final class MessageBytes {

    private MessageBytes() {
    }

    /**
     * A non-empty body sets its own Content-Length; without one, a Content-Length set by hand (a body that
     * is streamed after the head) is written as it is.
     */
    static byte[] encode(String startLine, RtspHeaders headers, byte[] body) {
        StringBuilder head = new StringBuilder(256);
        head.append(startLine).append("\r\n");
        for (Map.Entry<String, String> f : headers.entries()) {
            if (!f.getKey().equals("Content-Length") || body.length == 0) {
                head.append(f.getKey()).append(": ").append(f.getValue()).append("\r\n");
            }
        }
        if (body.length > 0) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        if (body.length == 0) {
            return headBytes;
        }
        byte[] out = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, out, 0, headBytes.length);
        System.arraycopy(body, 0, out, headBytes.length, body.length);
        return out;
    }
}
