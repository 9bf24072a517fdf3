package org.tributary.relay;

import org.tributary.rtsp.DecoderLimits;
import org.tributary.rtsp.InterleavedFrame;
import org.tributary.rtsp.RtspHeaders;
import org.tributary.rtsp.RtspMessage;
import org.tributary.rtsp.RtspMethod;
import org.tributary.rtsp.RtspParseException;
import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspResponse;
import org.tributary.rtsp.client.ClientAuthenticator;
import org.tributary.rtsp.client.RtspStreamReader;
import org.tributary.rtsp.header.Session;
import org.tributary.rtsp.header.WwwAuthenticate;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * One relay's RTSP connection to the other server: requests with or without a body (answering a 401 once with the
 * relay's credentials, and every later request too), the session the server gave and its timeout, requests sent
 * without waiting (keep-alives, answered while media flows), and interleaved frames both ways. Unlike
 * {@code rtsp.client.RtspClient}, responses may arrive among frames at any time, which a relay's keep-alive needs.
 */
final class RtspLink implements Closeable {

    static final int DEFAULT_PORT = 554;
    /** RFC 2326 §12.37: a session without a timeout parameter times out after 60 s. */
    static final int DEFAULT_SESSION_TIMEOUT_SECONDS = 60;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final OutputStream out;
    private final RtspStreamReader reader;
    private final ClientAuthenticator authenticator;
    private List<WwwAuthenticate> challenges = List.of();
    private int cseq;
    private String session;
    private int sessionTimeoutSeconds = DEFAULT_SESSION_TIMEOUT_SECONDS;

    private RtspLink(Socket socket, String user, String password) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = new RtspStreamReader(socket.getInputStream(), DecoderLimits.DEFAULTS);
        this.authenticator = user == null ? null : new ClientAuthenticator(user, password == null ? "" : password,
                () -> HexFormat.of().formatHex(RANDOM.generateSeed(8)));
    }

    /**
     * Connects to the server of an rtsp:// URL.
     *
     * @param timeoutMillis bounds the connect and every blocking read
     */
    static RtspLink connect(String url, String user, String password, int timeoutMillis) throws IOException {
        InetSocketAddress address = addressOf(url);
        Socket socket = new Socket();
        try {
            socket.connect(address, timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            socket.setTcpNoDelay(true);
            return new RtspLink(socket, user, password);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** The host and port of an rtsp:// URL (554 when it names none). */
    static InetSocketAddress addressOf(String url) throws IOException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IOException("malformed URL: " + e.getMessage());
        }
        if (!"rtsp".equalsIgnoreCase(uri.getScheme())) {
            throw new IOException("relays speak plain rtsp:// only, not " + uri.getScheme() + "://");
        }
        if (uri.getHost() == null) {
            throw new IOException("the URL names no host");
        }
        return new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort());
    }

    /**
     * Sends a request and waits for its response; frames arriving first go to {@code frames}.
     *
     * @param contentType the body's type, or null for no body
     */
    RtspResponse request(RtspMethod method, String uri, RtspHeaders headers, String contentType, byte[] body,
                         Consumer<InterleavedFrame> frames) throws IOException, RtspParseException {
        RtspResponse response = exchange(method, uri, headers, contentType, body, frames);
        if (response.code() == 401 && authenticator != null && challenges.isEmpty()) {
            challenges = ClientAuthenticator.challengesOf(response);
            if (!challenges.isEmpty()) {
                response = exchange(method, uri, headers, contentType, body, frames);
            }
        }
        return response;
    }

    RtspResponse request(RtspMethod method, String uri, RtspHeaders headers) throws IOException, RtspParseException {
        return request(method, uri, headers, null, null, frame -> { });
    }

    private RtspResponse exchange(RtspMethod method, String uri, RtspHeaders headers, String contentType, byte[] body,
                                  Consumer<InterleavedFrame> frames) throws IOException, RtspParseException {
        send(method, uri, headers, contentType, body);
        while (true) {
            RtspMessage message = reader.read();
            if (message instanceof RtspResponse response) {
                noteSession(response);
                return response;
            } else if (message instanceof InterleavedFrame frame) {
                frames.accept(frame);
            } else {
                throw new IOException("the server sent a request: " + ((RtspRequest) message).methodToken());
            }
        }
    }

    /** Writes a request without waiting for its response (it comes back through {@link #read}). */
    synchronized void send(RtspMethod method, String uri, RtspHeaders headers, String contentType, byte[] body)
            throws IOException {
        RtspHeaders sent = new RtspHeaders();
        for (var field : headers.entries()) {
            sent.add(field.getKey(), field.getValue());
        }
        sent.set("CSeq", Integer.toString(++cseq));
        sent.set("User-Agent", "Tributary relay");
        if (session != null && !sent.contains(Session.HEADER)) {
            sent.set(Session.HEADER, session);
        }
        if (authenticator != null && !challenges.isEmpty()) {
            sent.set("Authorization", authenticator.answer(challenges, method.name(), uri).format());
        }
        RtspRequest request = RtspRequest.of(method, uri, sent);
        if (contentType != null) {
            request = request.withBody(contentType, body);
        }
        out.write(request.encode());
        out.flush();
    }

    /**
     * The next message (a response or a frame).
     *
     * @throws SocketTimeoutException when nothing complete arrived within the read timeout; reading may go on
     */
    RtspMessage read() throws IOException, RtspParseException {
        RtspMessage message = reader.read();
        if (message instanceof RtspResponse response) {
            noteSession(response);
        }
        return message;
    }

    /** Whether bytes wait to be read now (a push relay drains the server's RTCP and answers between packets). */
    boolean readable() throws IOException {
        return socket.getInputStream().available() > 0;
    }

    /** Bounds each blocking read from now on. */
    void readTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    synchronized void writeFrame(int channel, byte[] packet) throws IOException {
        out.write(new InterleavedFrame(channel, packet).encode());
    }

    synchronized void flush() throws IOException {
        out.flush();
    }

    private void noteSession(RtspResponse response) {
        String header = response.headers().get(Session.HEADER);
        if (header != null) {
            Session parsed = Session.parse(header);
            session = parsed.id();
            if (parsed.timeoutSeconds() != null && parsed.timeoutSeconds() > 0) {
                sessionTimeoutSeconds = parsed.timeoutSeconds();
            }
        }
    }

    String session() {
        return session;
    }

    /** The server's session timeout (60 s when it named none). */
    int sessionTimeoutSeconds() {
        return sessionTimeoutSeconds;
    }

    /** The address this end of the connection uses, for UDP ports offered on the same interface. */
    java.net.InetAddress localAddress() {
        return socket.getLocalAddress();
    }

    java.net.InetAddress remoteAddress() {
        return socket.getInetAddress();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
