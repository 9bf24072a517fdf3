package org.tributary.it.hardening;

import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;
import org.tributary.rtsp.RtspResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * A raw RTSP/HTTP client whose connection leaves from a chosen loopback address (any of 127.0.0.0/8), so
 * a test's failed logins are counted for addresses of its own and lock out no other test.
 */
final class SourceAddressClient implements AutoCloseable {

    /** One response: the status line's protocol and code, every header line, the body. */
    record Response(String protocol, int status, List<String> headerLines, byte[] body, long millis) {

        List<String> headerValues(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headerLines.stream().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(l -> l.substring(prefix.length()).trim()).toList();
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    SourceAddressClient(String sourceAddress) throws IOException {
        socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", Endpoints.RTSP_PORT), 10_000);
        socket.setSoTimeout(15_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    static String url(String path) {
        return Endpoints.RTSP + path;
    }

    /** Sends one RTSP request and reads its answer, timing both. */
    Response rtsp(String method, String path, int cseq, String... headerLines) throws IOException {
        StringBuilder r = new StringBuilder(method + " " + url(path) + " RTSP/1.0\r\nCSeq: " + cseq + "\r\n");
        for (String line : headerLines) {
            r.append(line).append("\r\n");
        }
        return exchange(r.append("\r\n").toString());
    }

    /** Sends raw request text and reads one answer, timing both. */
    Response exchange(String request) throws IOException {
        long start = System.nanoTime();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        RtspResponse response = RtspTestClient.readMessage(in);
        if (response == null) {
            throw new IOException("connection closed before an answer");
        }
        List<String> headers = new ArrayList<>();
        for (Map.Entry<String, String> field : response.headers().entries()) {
            headers.add(field.getKey() + ": " + field.getValue());
        }
        return new Response(response.protocol(), response.code(), headers, response.body(),
                (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
