package org.tributary.rtsp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the bytes of one connection into requests, responses and interleaved frames, one message at a time.
 * Incremental: when a message is incomplete it consumes nothing and returns null, so the caller reads
 * more and calls again. Every quantity is bounded by {@link DecoderLimits}; anything out of bounds or
 * malformed raises {@link RtspParseException} with the status to answer.
 */
public final class RtspDecoder {

    private static final Pattern HTTP_REQUEST_LINE = Pattern.compile("\\S+ +\\S+ +HTTP/\\d\\.\\d");

    private final DecoderLimits limits;

    // Where the scan for the blank line ending the current head stopped, relative to the message start,
    // so bytes trickled in one at a time are each looked at once, not once per read.
    private int scanned;
    private int lineStartOffset;
    /** The head of the current message once parsed (a request or a response), while its body is still arriving. */
    private RtspMessage parsedHead;
    private int headLength;
    private long bytesScanned;

    public RtspDecoder(DecoderLimits limits) {
        this.limits = limits;
    }

    /**
     * Decodes the next message from {@code in} (in read mode).
     *
     * @return an {@link RtspRequest}, an {@link RtspResponse}, an {@link InterleavedFrame}, or null when more
     *         bytes are needed
     */
    public RtspMessage decode(ByteBuffer in) throws RtspParseException {
        skipEmptyLines(in);
        if (!in.hasRemaining()) {
            return null;
        }
        if (in.get(in.position()) == '$') {
            return decodeFrame(in);
        }
        try {
            return decodeMessage(in);
        } catch (RtspParseException e) {
            forgetMessage(); // the connection closes; a caller that goes on starts a new message
            throw e.http(requestLineNamesHttp(in));
        }
    }

    /** Whether the message at the buffer's position starts with a request line ending in "HTTP/x.y". */
    private boolean requestLineNamesHttp(ByteBuffer in) {
        int start = in.position();
        int end = Math.min(in.limit(), start + limits.maxLineBytes());
        for (int i = start; i < end; i++) {
            if (in.get(i) == '\n') {
                String line = new String(bytes(in, start, i - start), StandardCharsets.ISO_8859_1).strip();
                return HTTP_REQUEST_LINE.matcher(line).matches();
            }
        }
        return false;
    }

    private static void skipEmptyLines(ByteBuffer in) {
        while (in.hasRemaining()) {
            byte b = in.get(in.position());
            if (b != '\r' && b != '\n') {
                return;
            }
            in.get();
        }
    }

    private static InterleavedFrame decodeFrame(ByteBuffer in) {
        if (in.remaining() < 4) {
            return null;
        }
        int start = in.position();
        int channel = in.get(start + 1) & 0xFF;
        int length = ((in.get(start + 2) & 0xFF) << 8) | (in.get(start + 3) & 0xFF);
        if (in.remaining() < 4 + length) {
            return null;
        }
        byte[] payload = new byte[length];
        in.position(start + 4);
        in.get(payload);
        return new InterleavedFrame(channel, payload);
    }

    /** Bytes looked at while searching for the end of heads, over this decoder's life (for tests). */
    long bytesScanned() {
        return bytesScanned;
    }

    /** Whether part of a message has been received but not yet returned. */
    public boolean inMessage() {
        return scanned > 0 || parsedHead != null;
    }

    private void forgetMessage() {
        scanned = 0;
        lineStartOffset = 0;
        parsedHead = null;
    }

    private RtspMessage decodeMessage(ByteBuffer in) throws RtspParseException {
        int start = in.position();
        if (parsedHead == null) {
            int bodyStart = findBodyStart(in, start);
            if (bodyStart < 0) {
                return null;
            }
            String head = new String(bytes(in, start, bodyStart - start), StandardCharsets.ISO_8859_1).strip();
            parsedHead = parseHead(lines(head));
            headLength = bodyStart - start;
            scanned = 0;
            lineStartOffset = 0;
        }
        int bodyStart = start + headLength;
        int bodyLength = parsedHead instanceof RtspRequest request
                ? requestBodyLength(request) : contentLength(((RtspResponse) parsedHead).headers());
        if (in.limit() - bodyStart < bodyLength) {
            return null;
        }
        RtspMessage head = parsedHead;
        forgetMessage();
        byte[] body = bytes(in, bodyStart, bodyLength);
        in.position(bodyStart + bodyLength);
        if (head instanceof RtspRequest request) {
            return new RtspRequest(request.methodToken(), request.method(), request.uri(), request.version(),
                    request.headers(), body);
        }
        RtspResponse response = (RtspResponse) head;
        return response.received(response.protocol(), body);
    }

    private int requestBodyLength(RtspRequest request) throws RtspParseException {
        // An RTSP-over-HTTP POST announces a huge body that never ends: that body is a stream of
        // base64 requests, read by the tunnel, not part of this message.
        // So does an Icecast source's PUT or SOURCE: its MP3 body is streamed to the source, not buffered.
        boolean http = request.version().startsWith("HTTP/");
        boolean tunnelPost = request.method() == RtspMethod.POST && http;
        boolean source = http && (request.methodToken().equals("PUT") || request.methodToken().equals("SOURCE"));
        return tunnelPost || source ? 0 : contentLength(request.headers());
    }

    /**
     * Index just past the blank line ending the head ("\r\n\r\n" or "\n\n"), or -1 if not yet received.
     * Resumes where the previous call stopped: the caller keeps unconsumed bytes in place between calls.
     */
    private int findBodyStart(ByteBuffer in, int start) throws RtspParseException {
        int lineStart = start + lineStartOffset;
        int from = start + scanned;
        bytesScanned += Math.max(0, in.limit() - from);
        scanned = in.limit() - start;
        for (int i = from; i < in.limit(); i++) {
            if (in.get(i) != '\n') {
                continue;
            }
            int lineLength = i - lineStart;
            if (lineLength > limits.maxLineBytes()) {
                throw new RtspParseException(RtspStatus.BAD_REQUEST, "line longer than " + limits.maxLineBytes() + " bytes");
            }
            boolean empty = lineLength == 0 || (lineLength == 1 && in.get(lineStart) == '\r');
            if (empty && lineStart > start) {
                return i + 1;
            }
            lineStart = i + 1;
            if (i - start > limits.maxHeaderBytes()) {
                throw new RtspParseException(RtspStatus.BAD_REQUEST, "header section larger than " + limits.maxHeaderBytes() + " bytes");
            }
        }
        if (in.limit() - lineStart > limits.maxLineBytes()) {
            throw new RtspParseException(RtspStatus.BAD_REQUEST, "line longer than " + limits.maxLineBytes() + " bytes");
        }
        if (in.limit() - start > limits.maxHeaderBytes()) {
            throw new RtspParseException(RtspStatus.BAD_REQUEST, "header section larger than " + limits.maxHeaderBytes() + " bytes");
        }
        lineStartOffset = lineStart - start;
        return -1;
    }

    private RtspMessage parseHead(String[] lines) throws RtspParseException {
        String startLine = lines[0].trim();
        if (startLine.startsWith("RTSP/") || startLine.startsWith("HTTP/")) {
            return parseStatusLine(startLine, parseHeaders(lines));
        }
        String[] requestLine = words(startLine, Integer.MAX_VALUE);
        if (requestLine.length != 3) {
            throw new RtspParseException(RtspStatus.BAD_REQUEST, "malformed request line '" + abbreviate(lines[0]) + "'");
        }
        String methodToken = requestLine[0];
        String uri = requestLine[1];
        String version = requestLine[2];
        if (!visibleAscii(methodToken)) {
            throw new RtspParseException(RtspStatus.BAD_REQUEST, "malformed method '" + abbreviate(methodToken) + "'");
        }
        if (uri.length() > limits.maxUriBytes()) {
            throw new RtspParseException(RtspStatus.REQUEST_URI_TOO_LARGE, "Request-URI longer than " + limits.maxUriBytes() + " bytes");
        }
        if (!version.startsWith("RTSP/") && !version.startsWith("HTTP/")) {
            throw new RtspParseException(RtspStatus.BAD_REQUEST, "unknown protocol '" + abbreviate(version) + "'");
        }
        return new RtspRequest(methodToken, RtspMethod.of(methodToken), uri, version, parseHeaders(lines), new byte[0]);
    }

    /** "RTSP/1.0 200 OK": protocol, three-digit code, reason phrase (which may hold spaces or be empty). */
    private static RtspResponse parseStatusLine(String line, RtspHeaders headers) throws RtspParseException {
        String[] parts = words(line, 3);
        if (parts.length < 2 || !isStatusCode(parts[1])) {
            throw new RtspParseException(RtspStatus.BAD_REQUEST, "malformed status line '" + abbreviate(line) + "'");
        }
        RtspResponse response = new RtspResponse(Integer.parseInt(parts[1]), parts.length == 3 ? parts[2] : "");
        for (Map.Entry<String, String> field : headers.entries()) {
            response.headers().add(field.getKey(), field.getValue());
        }
        return response.received(parts[0], new byte[0]);
    }

    private RtspHeaders parseHeaders(String[] lines) throws RtspParseException {
        RtspHeaders headers = new RtspHeaders();
        String lastName = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && lastName != null) {
                // Obsolete line folding: continue the previous field.
                String previous = headers.getAll(lastName).get(headers.getAll(lastName).size() - 1);
                headers.remove(lastName);
                headers.add(lastName, previous + " " + line.trim());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                // Only the start of the line is quoted: a broken Authorization line must not reach the log.
                throw new RtspParseException(RtspStatus.BAD_REQUEST, "malformed header line starting '"
                        + abbreviate(line.substring(0, Math.min(line.length(), 16))) + "' (" + line.length() + " characters)");
            }
            if (headers.size() >= limits.maxHeaders()) {
                throw new RtspParseException(RtspStatus.BAD_REQUEST, "more than " + limits.maxHeaders() + " header fields");
            }
            lastName = line.substring(0, colon).trim();
            headers.add(lastName, line.substring(colon + 1).trim());
        }
        return headers;
    }

    private int contentLength(RtspHeaders headers) throws RtspParseException {
        if (headers.getAll("Content-Length").stream().map(String::trim).distinct().count() > 1) {
            // Two lengths are two ways to cut the stream into messages (request smuggling): refuse both.
            throw new RtspParseException(RtspStatus.BAD_REQUEST, "conflicting Content-Length headers");
        }
        String value = headers.get("Content-Length");
        if (value == null) {
            return 0;
        }
        long length;
        try {
            length = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new RtspParseException(RtspStatus.BAD_REQUEST, "malformed Content-Length '" + abbreviate(value) + "'");
        }
        if (length < 0) {
            throw new RtspParseException(RtspStatus.BAD_REQUEST, "negative Content-Length");
        }
        if (length > limits.maxBodyBytes()) {
            throw new RtspParseException(RtspStatus.REQUEST_ENTITY_TOO_LARGE,
                    "Content-Length " + length + " exceeds the limit of " + limits.maxBodyBytes() + " bytes");
        }
        return (int) Math.min(length, Integer.MAX_VALUE);
    }

    private static byte[] bytes(ByteBuffer in, int from, int length) {
        byte[] out = new byte[length];
        in.get(from, out);
        return out;
    }

    // The helpers below do by hand what String.split and matches would do with a regular expression: the
    // selector thread decodes every request, and compiling a pattern per message was a sixth of its time.

    /** The head's lines, split at LF with a CR before it dropped (what split("\r?\n") gave). */
    static String[] lines(String head) {
        java.util.List<String> lines = new java.util.ArrayList<>(16);
        int start = 0;
        while (start <= head.length()) {
            int lf = head.indexOf('\n', start);
            int end = lf < 0 ? head.length() : lf;
            int cut = end > start && head.charAt(end - 1) == '\r' && lf >= 0 ? end - 1 : end;
            lines.add(head.substring(start, cut));
            if (lf < 0) {
                break;
            }
            start = lf + 1;
        }
        return lines.toArray(new String[0]);
    }

    /**
     * Splits at runs of spaces into at most {@code limit} words, the last one keeping the rest of the line
     * (what split(" +", limit) gave for a line that does not start with a space).
     */
    static String[] words(String line, int limit) {
        java.util.List<String> words = new java.util.ArrayList<>(4);
        int i = 0;
        int n = line.length();
        while (i < n) {
            if (words.size() == limit - 1) {
                words.add(line.substring(i));
                break;
            }
            int space = line.indexOf(' ', i);
            int end = space < 0 ? n : space;
            words.add(line.substring(i, end));
            if (space < 0) {
                break;
            }
            i = space;
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i == n) {
                break;
            }
        }
        return words.toArray(new String[0]);
    }

    private static boolean visibleAscii(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= 32 || c >= 127) {
                return false;
            }
        }
        return true;
    }

    private static boolean isStatusCode(String s) {
        return s.length() == 3 && s.charAt(0) >= '1' && s.charAt(0) <= '9' && isDigit(s.charAt(1)) && isDigit(s.charAt(2));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String abbreviate(String s) {
        String printable = s.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "..." : printable;
    }
}
