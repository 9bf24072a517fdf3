package org.tributary.it.hardening;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;

import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
 * Idle and slow connections cannot pin the server (the IT server runs with a 4 s request timeout, a 6 s idle
 * timeout and 1000 connections per address, see arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConnectionLimitsIT {

    private static final int IDLE_SOCKETS = 5000;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void thousandsOfSilentSocketsLeaveAnotherAddressPlayingAndAreClosed() throws Exception {
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < IDLE_SOCKETS; i++) {
                idle.add(connectFrom("127.0.0.1", Endpoints.RTSP_PORT, 0));
            }
            try (Socket player = connectFrom(OTHER_ADDRESS, Endpoints.RTSP_PORT, 0)) {
                HostileClients.playInterleaved(player, "sample.mp4");
                HostileClients.awaitRtp(player);
            }
            int timedOut = 0;
            int refused = 0;
            for (Socket socket : idle) {
                String answer = readUntilClosed(socket);
                if (answer.startsWith("RTSP/1.0 408 ")) {
                    timedOut++;
                } else if (answer.startsWith("RTSP/1.0 503 ")) {
                    refused++;
                }
            }
            assertEquals(IDLE_SOCKETS, timedOut + refused, "every silent socket is answered and closed");
            // 1000 at once from one address; a place freed by a timeout may admit one more meanwhile.
            assertTrue(timedOut >= 1000 && refused > 0, timedOut + " timed out, " + refused + " refused");
        } finally {
            closeAll(idle);
        }
        String log = HostileClients.serverLog();
        assertTrue(log.contains("after connecting (tributary.rtsp.request-timeout-seconds); answering 408"), "408 logged");
        long refusalLines = log.lines().filter(l -> l.contains("refusing connections from 127.0.0.1")).count();
        assertTrue(refusalLines >= 1 && refusalLines <= 3, "refusals logged once per address per minute: " + refusalLines);
        await(20, "the server forgets the closed sockets", () -> HostileClients.openConnections() < 10);
    }

    @Test
    void aHeaderTrickledSlowerThanTheRequestTimeoutGets408WhileOthersAreAnswered() throws Exception {
        ExecutorService trickler = Executors.newSingleThreadExecutor();
        try (Socket slow = connectFrom("127.0.0.1", Endpoints.RTSP_PORT, 0)) {
            Future<?> trickling = trickler.submit(() -> {
                String head = "OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n" + ("X-Filler: " + "a".repeat(90) + "\r\n").repeat(300);
                try {
                    for (char c : head.toCharArray()) {
                        send(slow, String.valueOf(c));
                        Thread.sleep(2);
                    }
                } catch (Exception closedByServer) {
                    // the server answered 408 and closed: writing fails
                }
                return null;
            });
            // A normal client is answered at once meanwhile.
            try (Socket normal = connectFrom(OTHER_ADDRESS, Endpoints.RTSP_PORT, 0)) {
                for (int i = 1; i <= 5; i++) {
                    long start = System.nanoTime();
                    send(normal, "DESCRIBE " + Endpoints.RTSP + "sample.mp4 RTSP/1.0\r\nCSeq: " + i + "\r\n\r\n");
                    String answer = readHead(normal);
                    assertTrue(answer.startsWith("RTSP/1.0 200"), answer);
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    assertTrue(millis < 2000, "DESCRIBE took " + millis + " ms while a header trickles");
                }
            }
            String answer = readUntilClosed(slow);
            assertTrue(answer.startsWith("RTSP/1.0 408 Request Timeout\r\n"), answer);
            trickling.cancel(true);
        } finally {
            trickler.shutdownNow();
        }
        assertTrue(HostileClients.serverLog().contains("after its first byte (tributary.rtsp.request-timeout-seconds)"));
    }

    @Test
    void aConnectionIdleWithoutASessionIsClosed() throws Exception {
        try (Socket idle = connectFrom(OTHER_ADDRESS, Endpoints.RTSP_PORT, 0)) {
            send(idle, "OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n");
            assertTrue(readHead(idle).startsWith("RTSP/1.0 200"));
            assertEquals("", readUntilClosed(idle), "closed without an answer after the idle timeout");
        }
        assertTrue(HostileClients.serverLog().contains("without a session (tributary.rtsp.idle-timeout-seconds); closing"));
    }
}
