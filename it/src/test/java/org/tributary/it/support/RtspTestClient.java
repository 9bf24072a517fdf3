package org.tributary.it.support;

import org.tributary.rtsp.DecoderLimits;
import org.tributary.rtsp.RtspDecoder;
import org.tributary.rtsp.RtspMessage;
import org.tributary.rtsp.RtspParseException;
import org.tributary.rtsp.RtspResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A raw RTSP client for wire-level tests: writes exactly the bytes given, reads responses as received. */
public final class RtspTestClient implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = Endpoints.RTSP_PORT;

    /** Roomier than a server's request limits: a test may ask for a large description. */
    private static final DecoderLimits RESPONSE_LIMITS = new DecoderLimits(64 * 1024, 64 * 1024, 1024, 256 * 1024, 64 * 1024 * 1024);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RtspTestClient() throws IOException {
        this(HOST, PORT);
    }

    public RtspTestClient(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** A client connecting from another local address (127.0.0.2, ...: another client, as loopback accepts any 127/8). */
    public RtspTestClient(java.net.InetAddress localAddress) throws IOException {
        socket = new Socket(HOST, PORT, localAddress, 0);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** A response as received. */
    public record Response(int status, String reason, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** Every value of a header that may repeat, in the order received. */
        public java.util.List<String> headerValues(String name) {
            String joined = header(name);
            return joined == null ? java.util.List.of() : java.util.List.of(joined.split("\n"));
        }

        /** The Session header's id, without its ";timeout=". */
        public String sessionId() {
            return header("Session").split(";")[0];
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public void sendRaw(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    public Response request(String method, String uri, int cseq, String... headerLines) throws IOException {
        StringBuilder request = new StringBuilder();
        request.append(method).append(' ').append(uri).append(" RTSP/1.0\r\n").append("CSeq: ").append(cseq).append("\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        request.append("\r\n");
        sendRaw(request.toString());
        return readResponse();
    }

    /**
     * Reads one response with the codec's decoder, a byte at a time so that nothing after it is consumed
     * (tests go on reading interleaved packets from {@link #input()}).
     */
    public Response readResponse() throws IOException {
        RtspResponse response = readMessage(in);
        if (response == null) {
            throw new IOException("connection closed before a response");
        }
        if (!response.protocol().equals("RTSP/1.0")) {
            throw new IOException("not an RTSP status line: " + response.protocol() + " " + response.code());
        }
        return new Response(response.code(), response.reason(), headerMap(response), response.body());
    }

    /**
     * One response (RTSP or HTTP) decoded by the codec, read a byte at a time so that nothing after it is
     * consumed; null when the stream ends before its first byte.
     *
     * @throws IOException when the stream ends inside the response, or what arrives is not a response
     */
    public static RtspResponse readMessage(InputStream in) throws IOException {
        RtspDecoder decoder = new RtspDecoder(RESPONSE_LIMITS);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        RtspMessage message = null;
        while (message == null) {
            int b = in.read();
            if (b < 0) {
                if (received.size() == 0) {
                    return null;
                }
                throw new IOException("connection closed inside a response");
            }
            received.write(b);
            if (b == '\n' || decoder.inMessage()) {
                try {
                    message = decoder.decode(ByteBuffer.wrap(received.toByteArray()));
                } catch (RtspParseException e) {
                    throw new IOException("not a response: " + e.getMessage(), e);
                }
            }
        }
        if (!(message instanceof RtspResponse response)) {
            throw new IOException("not a status line: " + received.toString(StandardCharsets.ISO_8859_1).lines().findFirst().orElse(""));
        }
        return response;
    }

    /** The headers by lower-case name; a repeated header (several WWW-Authenticate challenges) keeps every value, one per line. */
    public static Map<String, String> headerMap(RtspResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : response.headers().entries()) {
            headers.merge(field.getKey().toLowerCase(Locale.ROOT), field.getValue(), (first, next) -> first + "\n" + next);
        }
        return headers;
    }

    /** True when the server has closed the connection (reads end of stream). */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    public InputStream input() {
        return in;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
