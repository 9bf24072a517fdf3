package org.tributary.it.live;

import org.tributary.it.support.RtspTestClient;
import org.tributary.rtsp.RtspResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A publisher over an RTSP-over-HTTP tunnel, as QuickTime Broadcaster sends one: a GET connection the answers
 * come back on, a POST connection that carries the requests and then the RTP, all base64. The RTP it forwards
 * comes from a local UDP socket (an ffmpeg {@code -f rtp} output), interleaved on channel 0.
 */
final class TunnelPublisher implements AutoCloseable {

    private final String uri;
    private final String authorization;
    private final Socket get;
    private final Socket post;
    private final InputStream answers;
    private final OutputStream requests;
    private int cseq;
    private String session;

    TunnelPublisher(int port, String path, String user, String password) throws IOException {
        this.uri = "rtsp://127.0.0.1:" + port + path;
        this.authorization = "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8)) + "\r\n";
        String cookie = "it" + System.nanoTime();
        get = new Socket("127.0.0.1", port);
        get.setSoTimeout(20_000);
        get.getOutputStream().write(("GET " + path + " HTTP/1.0\r\nx-sessioncookie: " + cookie
                + "\r\nAccept: application/x-rtsp-tunnelled\r\nPragma: no-cache\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        answers = get.getInputStream();
        RtspResponse opened = RtspTestClient.readMessage(answers);
        if (opened.code() != 200) {
            throw new IOException("the tunnel's GET was answered " + opened.code());
        }
        post = new Socket("127.0.0.1", port);
        requests = post.getOutputStream();
        requests.write(("POST " + path + " HTTP/1.0\r\nx-sessioncookie: " + cookie + "\r\nContent-Type: "
                + "application/x-rtsp-tunnelled\r\nContent-Length: 32767\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** Sends one request through the POST half and returns the status answered on the GET half. */
    int request(String method, String headers, String sdp) throws IOException {
        byte[] body = sdp.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + uri + " RTSP/1.0\r\nCSeq: " + (++cseq) + "\r\n" + authorization
                + (session == null ? "" : "Session: " + session + "\r\n") + headers
                + (body.length == 0 ? "" : "Content-Type: application/sdp\r\nContent-Length: " + body.length + "\r\n")
                + "\r\n";
        byte[] bytes = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, head.length());
        System.arraycopy(body, 0, bytes, head.length(), body.length);
        send(bytes);
        RtspResponse answer = RtspTestClient.readMessage(answers);
        String id = answer.headers().get("Session");
        if (id != null) {
            session = id.split(";")[0].trim();
        }
        return answer.code();
    }

    /** Forwards every datagram arriving on {@code source} as an interleaved RTP frame, until either side closes. */
    void forward(DatagramSocket source) {
        byte[] buffer = new byte[65536];
        try {
            while (!post.isClosed()) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                source.receive(packet);
                byte[] frame = new byte[4 + packet.getLength()];
                frame[0] = '$';
                frame[2] = (byte) (packet.getLength() >> 8);
                frame[3] = (byte) packet.getLength();
                System.arraycopy(buffer, 0, frame, 4, packet.getLength());
                send(frame);
            }
        } catch (IOException e) {
            // the test ended
        }
    }

    private synchronized void send(byte[] bytes) throws IOException {
        requests.write(Base64.getEncoder().encode(bytes));
        requests.flush();
    }

    @Override
    public void close() throws IOException {
        post.close();
        get.close();
    }
}
