package org.tributary.it.hardening;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.Tools;

import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tributary.it.hardening.HostileClients.OTHER_ADDRESS;
import static org.tributary.it.hardening.HostileClients.await;
import static org.tributary.it.hardening.HostileClients.closeAll;
import static org.tributary.it.hardening.HostileClients.connectFrom;
import static org.tributary.it.hardening.HostileClients.readHead;
import static org.tributary.it.hardening.HostileClients.readUntilClosed;
import static org.tributary.it.hardening.HostileClients.send;

/**
 * RTSP-over-HTTP tunnels cannot pin memory: the tunnel map is bounded (300 per port on the IT server, see
 * arquillian.xml), one POST half per GET half, and an unpaired GET half is closed after the idle timeout.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TunnelLimitsIT {

    private static final int MAX_TUNNELS = 300;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    private static String get(String cookie) {
        return "GET /sample.mp4 HTTP/1.0\r\nx-sessioncookie: " + cookie + "\r\nAccept: application/x-rtsp-tunnelled\r\n\r\n";
    }

    private static String post(String cookie) {
        return "POST /sample.mp4 HTTP/1.0\r\nx-sessioncookie: " + cookie
                + "\r\nContent-Type: application/x-rtsp-tunnelled\r\nContent-Length: 32767\r\n\r\n";
    }

    @Test
    void getHalvesPastTheBoundGet503UntilPlacesFree() throws Exception {
        List<Socket> gets = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_TUNNELS; i++) {
                Socket socket = connectFrom("127.0.0.1", Endpoints.TUNNEL_PORT, 0);
                gets.add(socket);
                send(socket, get("bound-" + i));
                String answer = readHead(socket);
                assertTrue(answer.startsWith("HTTP/1.0 200"), i + ": " + answer);
            }
            try (Socket extra = connectFrom("127.0.0.1", Endpoints.TUNNEL_PORT, 0)) {
                send(extra, get("bound-extra"));
                String answer = readUntilClosed(extra);
                assertTrue(answer.startsWith("HTTP/1.0 503"), answer);
            }
        } finally {
            closeAll(gets);
        }
        assertTrue(HostileClients.serverLog().contains("tunnels are open (tributary.rtsp.max-tunnels); answering 503"));
        await(20, "closed GET halves free their places", () -> {
            try (Socket again = connectFrom("127.0.0.1", Endpoints.TUNNEL_PORT, 0)) {
                send(again, get("bound-again-" + System.nanoTime()));
                return readHead(again).startsWith("HTTP/1.0 200");
            }
        });
    }

    @Test
    void aSecondPostForAnOpenTunnelIsRefused() throws Exception {
        try (Socket get = connectFrom(OTHER_ADDRESS, Endpoints.RTSP_PORT, 0);
             Socket firstPost = connectFrom(OTHER_ADDRESS, Endpoints.RTSP_PORT, 0);
             Socket secondPost = connectFrom(OTHER_ADDRESS, Endpoints.RTSP_PORT, 0)) {
            send(get, get("twice"));
            assertTrue(readHead(get).startsWith("HTTP/1.0 200"));
            send(firstPost, post("twice"));
            // The first POST half works: an OPTIONS through it is answered on the GET half.
            send(firstPost, java.util.Base64.getEncoder().encodeToString(
                    "OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            assertTrue(readHead(get).startsWith("RTSP/1.0 200"));
            send(secondPost, post("twice"));
            String refused = readUntilClosed(secondPost);
            assertTrue(refused.startsWith("HTTP/1.0 409"), refused);
        }
        assertTrue(HostileClients.serverLog().contains("whose POST half is still open; answering 409"));
    }

    @Test
    void anUnpairedGetHalfIsClosedAfterTheIdleTimeout() throws Exception {
        try (Socket get = connectFrom(OTHER_ADDRESS, Endpoints.TUNNEL_PORT, 0)) {
            send(get, get("alone"));
            assertTrue(readHead(get).startsWith("HTTP/1.0 200"));
            assertEquals("", readUntilClosed(get));
        }
    }

    @Test
    void ffmpegStillPlaysOverTheTunnel() throws Exception {
        Tools.Result r = Tools.run(40, Tools.ffmpegDecode("http", Endpoints.RTSP + "sample.mp4").toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(Tools.framesPerStream(r)[0] >= 240, "frames decoded through the tunnel; " + r.stderr());
    }
}
