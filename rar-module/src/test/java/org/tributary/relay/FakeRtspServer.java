package org.tributary.relay;

import org.tributary.rtsp.DecoderLimits;
import org.tributary.rtsp.InterleavedFrame;
import org.tributary.rtsp.RtspMessage;
import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspResponse;
import org.tributary.rtsp.client.RtspStreamReader;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny RTSP server on a loopback port for the relay tests, one connection at a time: as a source it answers
 * OPTIONS, DESCRIBE (an H.264 SDP), SETUP and PLAY and then sends an interleaved RTP packet every 10 ms; as a
 * receiver it accepts ANNOUNCE, SETUP and RECORD and keeps the frames it gets. It challenges for Basic credentials
 * when given some, and can drop the connection on demand. Public for the cluster tests, whose other node it plays.
 */
public final class FakeRtspServer implements AutoCloseable {

    static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=fake\r\nt=0 0\r\na=control:*\r\n"
            + "m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=control:trackID=1\r\n";

    private final ServerSocket listener;
    private final String expectedAuthorization;
    public final List<RtspRequest> requests = new CopyOnWriteArrayList<>();
    final List<InterleavedFrame> framesReceived = new CopyOnWriteArrayList<>();
    public final AtomicInteger connections = new AtomicInteger();
    private volatile Socket current;
    private volatile boolean closed;

    /** @param expectedAuthorization the Authorization header required ("Basic ..."), or null for none */
    public FakeRtspServer(String expectedAuthorization) throws IOException {
        this.listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.expectedAuthorization = expectedAuthorization;
        Thread accepting = new Thread(this::accept, "fake-rtsp");
        accepting.setDaemon(true);
        accepting.start();
    }

    public String url(String path) {
        return "rtsp://127.0.0.1:" + listener.getLocalPort() + "/" + path;
    }

    /** Drops the current connection, as a source that went away. */
    public void drop() throws IOException {
        Socket socket = current;
        if (socket != null) {
            socket.close();
        }
    }

    public List<String> methods() {
        return requests.stream().map(RtspRequest::methodToken).toList();
    }

    private void accept() {
        while (!closed) {
            try (Socket socket = listener.accept()) {
                current = socket;
                connections.incrementAndGet();
                serve(socket);
            } catch (IOException | RuntimeException | org.tributary.rtsp.RtspParseException e) {
                // the connection ended; take the next one
            }
        }
    }

    private void serve(Socket socket) throws IOException, org.tributary.rtsp.RtspParseException {
        RtspStreamReader reader = new RtspStreamReader(socket.getInputStream(), DecoderLimits.DEFAULTS);
        OutputStream out = socket.getOutputStream();
        while (true) {
            RtspMessage message = reader.read();
            if (message instanceof InterleavedFrame frame) {
                framesReceived.add(frame);
                continue;
            }
            RtspRequest request = (RtspRequest) message;
            requests.add(request);
            String cseq = request.cseq();
            if (expectedAuthorization != null && !expectedAuthorization.equals(request.header("Authorization"))) {
                write(out, new RtspResponse(401, "Unauthorized").header("CSeq", cseq)
                        .header("WWW-Authenticate", "Basic realm=\"fake\""));
                continue;
            }
            RtspResponse ok = new RtspResponse(200, "OK").header("CSeq", cseq);
            switch (request.methodToken()) {
                case "DESCRIBE" -> write(out, ok.header("Content-Base", url("live/")).body("application/sdp",
                        SDP.getBytes(StandardCharsets.US_ASCII)));
                case "SETUP" -> write(out, ok.header("Session", "f00d;timeout=60")
                        .header("Transport", request.header("Transport")));
                case "PLAY" -> {
                    write(out, ok.header("Session", "f00d"));
                    Thread sender = new Thread(() -> send(socket, out), "fake-rtsp-sender");
                    sender.setDaemon(true);
                    sender.start();
                }
                default -> write(out, ok);
            }
        }
    }

    /** An RTP packet every 10 ms on channel 0: an IDR NAL unit every 10th, else a non-IDR slice. */
    private void send(Socket socket, OutputStream out) {
        int sequence = 0;
        try {
            while (!socket.isClosed()) {
                byte[] rtp = new byte[12 + 20];
                rtp[0] = (byte) 0x80;
                rtp[1] = (byte) (0x80 | 96);
                rtp[2] = (byte) (sequence >> 8);
                rtp[3] = (byte) sequence;
                int timestamp = sequence * 3000;
                rtp[4] = (byte) (timestamp >> 24);
                rtp[5] = (byte) (timestamp >> 16);
                rtp[6] = (byte) (timestamp >> 8);
                rtp[7] = (byte) timestamp;
                rtp[12] = (byte) (sequence % 10 == 0 ? 0x65 : 0x41);
                synchronized (out) {
                    out.write(new InterleavedFrame(0, rtp).encode());
                    out.flush();
                }
                sequence++;
                Thread.sleep(10);
            }
        } catch (IOException | InterruptedException e) {
            // the connection ended
        }
    }

    private static void write(OutputStream out, RtspResponse response) throws IOException {
        synchronized (out) {
            out.write(response.encode());
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        drop();
        listener.close();
    }
}
