package org.tributary.it.hardening;

import org.tributary.it.support.Endpoints;

import java.io.IOException;
import java.util.Arrays;

/**
 * One bad request and what must come of it: a status (RTSP or HTTP) from a set, a close after it, or
 * nothing at all (the client leaves mid-message). Sent on a fresh connection by {@link #send()}.
 */
final class Probe {

    private enum Protocol { RTSP, HTTP }

    private final String name;
    private final int port;
    private final String bytes;
    private Protocol protocol = Protocol.RTSP;
    private int[] statuses = new int[0];
    private boolean mustClose;
    private boolean closeInsteadOfAnswer;
    private boolean noAnswer;

    private Probe(String name, int port, String bytes) {
        this.name = name;
        this.port = port;
        this.bytes = bytes;
    }

    /** A probe on the RTSP port. */
    static Probe rtsp(String name, String bytes) {
        return new Probe(name, Endpoints.RTSP_PORT, bytes);
    }

    /** A plain HTTP probe on the RTSP port (MP3 over HTTP). */
    static Probe http(String name, String bytes) {
        return new Probe(name, Endpoints.RTSP_PORT, bytes);
    }

    /** A probe on the second port, the one for RTSP-over-HTTP tunnels. */
    static Probe tunnel(String name, String bytes) {
        return new Probe(name, Endpoints.TUNNEL_PORT, bytes);
    }

    String name() {
        return name;
    }

    Probe status(int status) {
        return statusIn(status);
    }

    Probe statusIn(int... accepted) {
        statuses = accepted;
        return this;
    }

    /** The answer must be an HTTP status line with one of these codes. */
    Probe httpStatus(int... accepted) {
        protocol = Protocol.HTTP;
        return statusIn(accepted);
    }

    /** An HTTP status from the set, or the connection closed without an answer. */
    Probe httpStatusOrClose(int... accepted) {
        closeInsteadOfAnswer = true;
        return httpStatus(accepted);
    }

    /** The server must close the connection after its answer. */
    Probe closes() {
        mustClose = true;
        return this;
    }

    /** The client sends an incomplete message and leaves; nothing is expected back. */
    Probe noAnswer() {
        noAnswer = true;
        return this;
    }

    /** Sends the probe; returns what went wrong, or null. */
    String send() throws IOException {
        try (WireClient client = new WireClient(port)) {
            try {
                client.write(bytes);
            } catch (IOException e) {
                // The server may refuse before the client has written everything; the answer is still read.
            }
            if (noAnswer) {
                return null;
            }
            WireClient.Response response = client.readResponse();
            if (response == null) {
                return closeInsteadOfAnswer ? null : "the connection closed without an answer";
            }
            String expectedVersion = protocol == Protocol.HTTP ? "HTTP/" : "RTSP/1.0";
            if (!response.version().startsWith(expectedVersion)) {
                return "answered '" + response.statusLine() + "', expected a " + expectedVersion + " status line";
            }
            if (Arrays.stream(statuses).noneMatch(s -> s == response.status())) {
                return "answered " + response.status() + ", expected " + Arrays.toString(statuses);
            }
            if (mustClose && !client.closedByServer()) {
                return "answered " + response.status() + " but kept the connection open";
            }
            return null;
        }
    }
}
