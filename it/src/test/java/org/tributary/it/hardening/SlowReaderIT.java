package org.tributary.it.hardening;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.Tools;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tributary.it.hardening.HostileClients.OTHER_ADDRESS;
import static org.tributary.it.hardening.HostileClients.await;
import static org.tributary.it.hardening.HostileClients.closeAll;
import static org.tributary.it.hardening.HostileClients.connectFrom;
import static org.tributary.it.hardening.HostileClients.readHead;
import static org.tributary.it.hardening.HostileClients.send;

/**
 * Interleaved readers that never read cannot exhaust the heap: their packets are dropped past the queue caps
 * and they are closed once they have taken nothing for the stall time (5 s on the IT server).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SlowReaderIT {

    private static final String HIGH_BITRATE = "hardening-high.mp4";
    private static final int STUCK_READERS = 200;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    /** About 4 Mbit/s of nearly lossless video: 200 stuck readers would queue 800 MB unchecked. */
    @BeforeAll
    static void makeHighBitrateClip() throws Exception {
        Path file = Path.of(System.getProperty("it.media.dir"), HIGH_BITRATE);
        if (!Files.exists(file)) {
            Tools.Result r = Tools.run(60, "ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi",
                    "-i", "testsrc2=size=640x360:rate=25", "-t", "20", "-c:v", "libx264", "-preset", "ultrafast",
                    "-qp", "4", "-g", "25", "-pix_fmt", "yuv420p", file.toString());
            assertEquals(0, r.exitCode(), r.stderr());
        }
    }

    @Test
    void stuckInterleavedReadersAreClosedWhileANormalClientPlays() throws Exception {
        await(30, "the catalogue has the new clip", () -> {
            try (Socket probe = connectFrom(OTHER_ADDRESS, Endpoints.RTSP_PORT, 0)) {
                send(probe, "DESCRIBE " + Endpoints.RTSP + HIGH_BITRATE + " RTSP/1.0\r\nCSeq: 1\r\n\r\n");
                return readHead(probe).startsWith("RTSP/1.0 200");
            }
        });
        List<Socket> stuck = new ArrayList<>();
        try {
            for (int i = 0; i < STUCK_READERS; i++) {
                // 50 to an address: the per-address session limit (100 by default) is not what this test is about.
                Socket socket = connectFrom("127.0.4." + (1 + i / 50), Endpoints.RTSP_PORT, 4096);
                stuck.add(socket);
                HostileClients.playInterleaved(socket, HIGH_BITRATE); // and never reads again
            }
            try (Socket player = connectFrom(OTHER_ADDRESS, Endpoints.RTSP_PORT, 0)) {
                HostileClients.playInterleaved(player, "sample.mp4");
                HostileClients.awaitRtp(player);
            }
            await(45, "the server closes the stuck readers", () -> HostileClients.openConnections() < 10);
        } finally {
            closeAll(stuck);
        }
        String log = HostileClients.serverLog();
        assertTrue(log.contains("dropping interleaved packets: the client reads too slowly"), "drops logged");
        assertTrue(log.contains("queued bytes for 5 s (tributary.rtsp.stall-seconds); closing"), "stall closes logged");
        // And the server still plays afterwards.
        try (Socket player = connectFrom(OTHER_ADDRESS, Endpoints.RTSP_PORT, 0)) {
            HostileClients.playInterleaved(player, HIGH_BITRATE);
            HostileClients.awaitRtp(player);
        }
    }
}
