package org.tributary.rtsp.client;

import org.tributary.rtsp.DecoderLimits;
import org.tributary.rtsp.InterleavedFrame;
import org.tributary.rtsp.RtspHeaders;
import org.tributary.rtsp.RtspMessage;
import org.tributary.rtsp.RtspMethod;
import org.tributary.rtsp.RtspParseException;
import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspResponse;
import org.tributary.rtsp.header.Session;
import org.tributary.rtsp.header.WwwAuthenticate;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A small blocking RTSP client over one socket: numbers requests (CSeq), carries the session the server
 * gave, answers a 401 once with its {@link ClientAuthenticator} and keeps answering later requests, and
 * keeps interleaved frames that arrive before a response for {@link #readFrame()}.
 */
public final class RtspClient implements Closeable {

    private final Socket socket;
    private final OutputStream out;
    private final RtspStreamReader reader;
    private final Deque<InterleavedFrame> frames = new ArrayDeque<>();
    private ClientAuthenticator authenticator;
    private List<WwwAuthenticate> challenges = List.of();
    private int cseq;
    private String session;

    public RtspClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = new RtspStreamReader(socket.getInputStream(), DecoderLimits.DEFAULTS);
    }

    /** Connects with both the connect and every read bounded by {@code timeoutMillis}. */
    public static RtspClient connect(String host, int port, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        return new RtspClient(socket);
    }

    /** Credentials for the server's challenges. */
    public RtspClient authenticator(ClientAuthenticator authenticator) {
        this.authenticator = authenticator;
        return this;
    }

    /** The session id from the last response that carried one, or null. */
    public String session() {
        return session;
    }

    /** Sends a request without a body and returns its response (after answering one 401, if it can). */
    public RtspResponse send(RtspMethod method, String uri, RtspHeaders headers) throws IOException, RtspParseException {
        RtspResponse response = exchange(method, uri, headers);
        if (response.code() == 401 && authenticator != null) {
            challenges = ClientAuthenticator.challengesOf(response);
            if (!challenges.isEmpty()) {
                response = exchange(method, uri, headers);
            }
        }
        return response;
    }

    private RtspResponse exchange(RtspMethod method, String uri, RtspHeaders headers) throws IOException, RtspParseException {
        RtspHeaders sent = new RtspHeaders();
        for (var field : headers.entries()) {
            sent.add(field.getKey(), field.getValue());
        }
        sent.set("CSeq", Integer.toString(++cseq));
        if (session != null && !sent.contains(Session.HEADER)) {
            sent.set(Session.HEADER, session);
        }
        if (authenticator != null && !challenges.isEmpty()) {
            sent.set("Authorization", authenticator.answer(challenges, method.name(), uri).format());
        }
        out.write(RtspRequest.of(method, uri, sent).encode());
        out.flush();
        RtspResponse response = readResponse();
        String sessionHeader = response.headers().get(Session.HEADER);
        if (sessionHeader != null) {
            session = Session.parse(sessionHeader).id();
        }
        return response;
    }

    private RtspResponse readResponse() throws IOException, RtspParseException {
        while (true) {
            RtspMessage message = reader.read();
            if (message instanceof RtspResponse response) {
                return response;
            } else if (message instanceof InterleavedFrame frame) {
                frames.add(frame);
            } else {
                throw new IOException("the server sent a request: " + ((RtspRequest) message).methodToken());
            }
        }
    }

    /** The next interleaved frame, kept or read now; a response arriving here is an error. */
    public InterleavedFrame readFrame() throws IOException, RtspParseException {
        if (!frames.isEmpty()) {
            return frames.poll();
        }
        RtspMessage message = reader.read();
        if (message instanceof InterleavedFrame frame) {
            return frame;
        }
        throw new IOException("expected an interleaved frame, got " + message.getClass().getSimpleName());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
