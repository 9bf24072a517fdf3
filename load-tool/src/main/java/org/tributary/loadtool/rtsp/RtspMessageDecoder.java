package org.tributary.loadtool.rtsp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits the byte stream of an RTSP connection into responses and interleaved binary frames
 * ({@code '$'}, channel, 16-bit length, data: RFC 2326 section 10.12). Bytes are read straight into
 * {@link #writable(int)}, then {@link #decode(RtspInboundHandler)} delivers every complete message.
 */
public final class RtspMessageDecoder {
    private static final int MAX_MESSAGE = 1 << 20;

    private byte[] buffer;
    private ByteBuffer view;
    private int start;
    private int end;

    public RtspMessageDecoder() {
        this(128 * 1024);
    }

    public RtspMessageDecoder(int initialCapacity) {
        buffer = new byte[initialCapacity];
        view = ByteBuffer.wrap(buffer);
    }

    /** A buffer to read into, with at least {@code minimum} bytes of room; call {@link #advance} after. */
    public ByteBuffer writable(int minimum) {
        if (buffer.length - end < minimum) {
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            if (buffer.length - end < minimum) {
                byte[] bigger = new byte[Math.max(buffer.length * 2, end + minimum)];
                System.arraycopy(buffer, 0, bigger, 0, end);
                buffer = bigger;
                view = ByteBuffer.wrap(buffer);
            }
        }
        return ByteBuffer.wrap(buffer, end, buffer.length - end);
    }

    public void advance(int bytesRead) {
        end += bytesRead;
    }

    /** Copies bytes in (for tests and for feeding from streams). */
    public void feed(byte[] data, int offset, int length) {
        writable(length).put(data, offset, length);
        advance(length);
    }

    /** Delivers every complete message buffered; returns the number delivered. */
    public int decode(RtspInboundHandler handler) {
        int delivered = 0;
        while (end > start) {
            byte first = buffer[start];
            if (first == '$') {
                if (end - start < 4) {
                    break;
                }
                int channel = buffer[start + 1] & 0xFF;
                int length = ((buffer[start + 2] & 0xFF) << 8) | (buffer[start + 3] & 0xFF);
                if (end - start < 4 + length) {
                    break;
                }
                int offset = start + 4;
                start += 4 + length;
                handler.onInterleaved(channel, view, offset, length);
                delivered++;
            } else if (isTokenStart(first)) {
                int headerEnd = findHeaderEnd();
                if (headerEnd < 0) {
                    if (end - start > MAX_MESSAGE) {
                        throw new IllegalStateException("RTSP header larger than " + MAX_MESSAGE + " bytes");
                    }
                    break;
                }
                String head = new String(buffer, start, headerEnd - start, StandardCharsets.ISO_8859_1);
                int bodyStart = skipBlankLine(headerEnd);
                List<Map.Entry<String, String>> headers = new ArrayList<>();
                String[] lines = head.split("\r?\n");
                int contentLength = 0;
                for (int i = 1; i < lines.length; i++) {
                    String line = lines[i];
                    int colon = line.indexOf(':');
                    if (colon <= 0) {
                        continue;
                    }
                    String name = line.substring(0, colon).trim();
                    String value = line.substring(colon + 1).trim();
                    headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
                    if (name.equalsIgnoreCase("Content-Length")) {
                        contentLength = parseLength(value);
                    }
                }
                if (contentLength > MAX_MESSAGE) {
                    throw new IllegalStateException("RTSP body of " + contentLength + " bytes");
                }
                if (end - bodyStart < contentLength) {
                    break;
                }
                String body = new String(buffer, bodyStart, contentLength, StandardCharsets.UTF_8);
                start = bodyStart + contentLength;
                String statusLine = lines[0];
                if (statusLine.startsWith("RTSP/")) {
                    handler.onResponse(parseStatus(statusLine, headers, body));
                } else {
                    handler.onServerRequest(statusLine);
                }
                delivered++;
            } else {
                // Not a frame, not a message: skip the stray byte (e.g. a CR/LF between messages).
                start++;
            }
        }
        if (start == end) {
            start = 0;
            end = 0;
        }
        return delivered;
    }

    private static boolean isTokenStart(byte b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
    }

    /** Index of the first CR or LF of the blank line ending the header, or -1. */
    private int findHeaderEnd() {
        for (int i = start; i < end - 1; i++) {
            if (buffer[i] == '\n') {
                if (buffer[i + 1] == '\n') {
                    return i;
                }
                if (buffer[i + 1] == '\r' && i + 2 < end && buffer[i + 2] == '\n') {
                    return i;
                }
            }
        }
        return -1;
    }

    private int skipBlankLine(int newlineIndex) {
        int i = newlineIndex + 1;
        if (buffer[i] == '\r') {
            i++;
        }
        return i + 1;
    }

    private static int parseLength(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static RtspResponse parseStatus(String statusLine, List<Map.Entry<String, String>> headers, String body) {
        String[] parts = statusLine.split(" ", 3);
        int status = -1;
        if (parts.length >= 2) {
            try {
                status = Integer.parseInt(parts[1].trim());
            } catch (NumberFormatException e) {
                status = -1;
            }
        }
        return new RtspResponse(status, parts.length == 3 ? parts[2].trim() : "", headers, body);
    }

    /** Bytes buffered but not yet decoded. */
    public int pending() {
        return end - start;
    }
}
