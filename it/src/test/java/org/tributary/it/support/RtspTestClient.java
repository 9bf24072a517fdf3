package org.tributary.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A raw RTSP client for wire-level tests: writes exactly the bytes given, reads responses as received. */
public final class RtspTestClient implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = Endpoints.RTSP_PORT;

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

    public Response readResponse() throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            throw new IOException("connection closed before a response");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].equals("RTSP/1.0")) {
            throw new IOException("not an RTSP status line: " + statusLine);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while ((line = readLine()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            // A repeated header (several WWW-Authenticate challenges) keeps every value, one per line.
            headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
                    (first, next) -> first + "\n" + next);
        }
        int length = headers.containsKey("content-length") ? Integer.parseInt(headers.get("content-length")) : 0;
        byte[] body = in.readNBytes(length);
        return new Response(Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : "", headers, body);
    }

    /** True when the server has closed the connection (reads end of stream). */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    private String readLine() throws IOException {
        return readLine(in);
    }

    /** One line as received (CRLF or LF dropped), or null at the end of the stream. */
    public static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    public InputStream input() {
        return in;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
