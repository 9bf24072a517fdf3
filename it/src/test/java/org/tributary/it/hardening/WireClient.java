package org.tributary.it.hardening;

import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;
import org.tributary.rtsp.RtspResponse;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A raw TCP client that reads RTSP and HTTP answers alike, for probes whose answer may be either, and the
 * "normal client" every probe is followed by.
 */
final class WireClient implements AutoCloseable {

    record Response(String statusLine, String version, int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int cseq;

    WireClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    static WireClient rtsp() throws IOException {
        return new WireClient(Endpoints.RTSP_PORT);
    }

    void readTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    Response exchange(String request) throws IOException {
        write(request);
        Response response = readResponse();
        if (response == null) {
            throw new IOException("the connection closed without an answer");
        }
        return response;
    }

    Response request(String method, String uri, String... headerLines) throws IOException {
        StringBuilder request = new StringBuilder(method).append(' ').append(uri).append(" RTSP/1.0\r\nCSeq: ")
                .append(++cseq).append("\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        return exchange(request.append("\r\n").toString());
    }

    /** The next answer, or null when the server closed the connection first. */
    Response readResponse() throws IOException {
        RtspResponse response;
        try {
            response = RtspTestClient.readMessage(in);
        } catch (java.net.SocketException reset) {
            response = null; // closed with a reset (unread request bytes): no answer
        }
        if (response == null) {
            return null;
        }
        String statusLine = response.protocol() + " " + response.code() + " " + response.reason();
        return new Response(statusLine, response.protocol(), response.code(), RtspTestClient.headerMap(response),
                response.body());
    }

    /** True when the server closes the connection within the read timeout. */
    boolean closedByServer() throws IOException {
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    /** SETUPs the first {@code tracks} tracks interleaved; returns the session id. */
    String setupInterleaved(String url, int tracks) throws IOException {
        String session = null;
        for (int t = 0; t < tracks; t++) {
            String transport = "Transport: RTP/AVP/TCP;unicast;interleaved=" + 2 * t + "-" + (2 * t + 1);
            Response setup = session == null ? request("SETUP", url + "/trackID=" + (t + 1), transport)
                    : request("SETUP", url + "/trackID=" + (t + 1), transport, "Session: " + session);
            if (setup.status() != 200) {
                throw new IOException("SETUP of track " + (t + 1) + " answered " + setup.statusLine());
            }
            session = setup.header("Session").split(";")[0];
        }
        return session;
    }

    /**
     * Plays the first two seconds of a two-track file interleaved and checks RTP arrives on both tracks.
     * Returns what went wrong, or null.
     */
    static String playsBriefly(String url) throws IOException {
        try (WireClient client = rtsp()) {
            Response describe = client.request("DESCRIBE", url, "Accept: application/sdp");
            if (describe.status() != 200) {
                return "DESCRIBE answered " + describe.statusLine();
            }
            String session = client.setupInterleaved(url, 2);
            Response play = client.request("PLAY", url, "Session: " + session, "Range: npt=0-2");
            if (play.status() != 200) {
                return "PLAY answered " + play.statusLine();
            }
            DataInputStream data = new DataInputStream(client.in);
            int[] packets = new int[2];
            while (packets[0] < 20 || packets[1] < 5) {
                int marker = data.readUnsignedByte();
                if (marker != '$') {
                    return "expected an interleaved frame, got byte " + marker;
                }
                int channel = data.readUnsignedByte();
                data.readFully(new byte[data.readUnsignedShort()]);
                if (channel == 0 || channel == 2) {
                    packets[channel / 2]++;
                }
            }
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
