package org.tributary.rtsp.client;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tributary.rtsp.DecoderLimits;
import org.tributary.rtsp.InterleavedFrame;
import org.tributary.rtsp.RtspHeaders;
import org.tributary.rtsp.RtspMethod;
import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspResponse;
import org.tributary.rtsp.RtspStatus;
import org.tributary.rtsp.header.Authorization;
import org.tributary.rtsp.header.DigestAlgorithm;
import org.tributary.rtsp.header.DigestAuthorization;
import org.tributary.rtsp.header.WwwAuthenticate;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The client against a scripted server on loopback: what it sends, byte for byte parsed back, and what it keeps. */
class RtspClientTest {

    private final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());

    RtspClientTest() throws Exception {
        server.setSoTimeout(10_000);
    }

    @AfterEach
    void closeServer() throws Exception {
        server.close();
    }

    /** Answers each request with the next of {@code answers}, recording the requests. */
    private CompletableFuture<List<RtspRequest>> serve(List<byte[]> answers) {
        return CompletableFuture.supplyAsync(() -> {
            List<RtspRequest> received = new ArrayList<>();
            try (Socket s = server.accept()) {
                s.setSoTimeout(10_000);
                RtspStreamReader reader = new RtspStreamReader(s.getInputStream(), DecoderLimits.DEFAULTS);
                OutputStream out = s.getOutputStream();
                for (byte[] answer : answers) {
                    received.add((RtspRequest) reader.read());
                    out.write(answer);
                    out.flush();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return received;
        });
    }

    private RtspClient client() throws Exception {
        return RtspClient.connect(server.getInetAddress().getHostAddress(), server.getLocalPort(), 10_000);
    }

    @Test
    void numbersRequestsCarriesTheSessionAndKeepsFramesThatArriveBeforeAResponse() throws Exception {
        byte[] frame = new InterleavedFrame(0, new byte[] {(byte) 0x80, 96, 0, 1}).encode();
        byte[] setup = new RtspResponse(RtspStatus.OK).header("CSeq", "1").header("Session", "ABCDEF12;timeout=60").encode();
        byte[] play = new RtspResponse(RtspStatus.OK).header("CSeq", "2").encode();
        byte[] framesThenPlay = new byte[frame.length + play.length];
        System.arraycopy(frame, 0, framesThenPlay, 0, frame.length);
        System.arraycopy(play, 0, framesThenPlay, frame.length, play.length);
        CompletableFuture<List<RtspRequest>> requests = serve(List.of(setup, framesThenPlay));

        try (RtspClient client = client()) {
            RtspHeaders transport = new RtspHeaders().add("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1");
            assertEquals(200, client.send(RtspMethod.SETUP, "rtsp://h/a.mp4/trackID=1", transport).code());
            assertEquals("ABCDEF12", client.session());
            assertEquals(200, client.send(RtspMethod.PLAY, "rtsp://h/a.mp4", new RtspHeaders()).code());
            InterleavedFrame kept = client.readFrame();
            assertEquals(0, kept.channel());
            assertArrayEquals(new byte[] {(byte) 0x80, 96, 0, 1}, kept.payload());
        }
        List<RtspRequest> sent = requests.get(10, TimeUnit.SECONDS);
        assertEquals("1", sent.get(0).cseq());
        assertNull(sent.get(0).header("Session"));
        assertEquals("RTP/AVP/TCP;unicast;interleaved=0-1", sent.get(0).header("Transport"));
        assertEquals(RtspMethod.PLAY, sent.get(1).method());
        assertEquals("2", sent.get(1).cseq());
        assertEquals("ABCDEF12", sent.get(1).header("Session"));
    }

    @Test
    void answersA401OnceAndKeepsAuthorizingLaterRequests() throws Exception {
        WwwAuthenticate challenge = WwwAuthenticate.digest("r", "n0nce", null, DigestAlgorithm.SHA_256, false);
        byte[] unauthorized = new RtspResponse(RtspStatus.UNAUTHORIZED).header("CSeq", "1")
                .header("WWW-Authenticate", challenge.format()).encode();
        byte[] ok2 = new RtspResponse(RtspStatus.OK).header("CSeq", "2").encode();
        byte[] ok3 = new RtspResponse(RtspStatus.OK).header("CSeq", "3").encode();
        CompletableFuture<List<RtspRequest>> requests = serve(List.of(unauthorized, ok2, ok3));

        try (RtspClient client = client().authenticator(new ClientAuthenticator("u", "p", () -> "c"))) {
            assertEquals(200, client.send(RtspMethod.DESCRIBE, "rtsp://h/a.mp4", new RtspHeaders()).code());
            assertEquals(200, client.send(RtspMethod.OPTIONS, "rtsp://h/a.mp4", new RtspHeaders()).code());
        }
        List<RtspRequest> sent = requests.get(10, TimeUnit.SECONDS);
        assertNull(sent.get(0).header("Authorization"));
        DigestAuthorization retry = assertInstanceOf(DigestAuthorization.class,
                Authorization.parse(sent.get(1).header("Authorization")));
        assertEquals(DigestAlgorithm.SHA_256, retry.algorithm());
        assertEquals(1L, retry.nc());
        DigestAuthorization later = (DigestAuthorization) Authorization.parse(sent.get(2).header("Authorization"));
        assertEquals(2L, later.nc());
        assertEquals("OPTIONS", sent.get(2).methodToken());
    }

    @Test
    void readerReportsAConnectionClosedInsideAMessage() {
        RtspStreamReader reader = new RtspStreamReader(new ByteArrayInputStream("RTSP/1.0 200 OK\r\nCSeq: 1\r\n".getBytes()),
                DecoderLimits.DEFAULTS);
        EOFException e = assertThrows(EOFException.class, reader::read);
        assertEquals("connection closed inside a message", e.getMessage());
    }
}
