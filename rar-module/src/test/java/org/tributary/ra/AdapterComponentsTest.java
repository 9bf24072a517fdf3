package org.tributary.ra;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.api.SettingsOutcome;

import java.lang.reflect.Proxy;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The composition root on real sockets: it starts from the deployed settings, answers RTSP, and each live
 * setting an administrator changes reaches the component that uses it (the idle timeout, made live here,
 * included); stopping closes the listener.
 */
class AdapterComponentsTest {

    @TempDir
    Path media;

    /** Runs every Work on a daemon thread of its own, as WildFly's pools would. */
    private static WorkManager threads() {
        return (WorkManager) Proxy.newProxyInstance(WorkManager.class.getClassLoader(),
                new Class<?>[]{WorkManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("startWork") || method.getName().equals("scheduleWork")) {
                        Thread t = new Thread((Work) args[0], "test-work");
                        t.setDaemon(true);
                        t.start();
                        return method.getReturnType() == long.class ? 0L : null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** An even UDP port whose pair was free a moment ago. */
    private static int freeRtpPort() throws Exception {
        for (int attempt = 0; ; attempt++) {
            int even;
            try (DatagramSocket probe = new DatagramSocket(0)) {
                even = probe.getLocalPort() & ~1;
            }
            try (DatagramSocket a = new DatagramSocket(even); DatagramSocket b = new DatagramSocket(even + 1)) {
                return even;
            } catch (java.net.SocketException taken) {
                if (attempt == 20) {
                    throw taken;
                }
            }
        }
    }

    @Test
    void liveSettingsReachTheirComponentsOnARunningAdapter() throws Exception {
        TributaryResourceAdapter bean = new TributaryResourceAdapter();
        bean.setRtspBindAddress("127.0.0.1");
        bean.setRtspPort(0);
        bean.setRtpPort(freeRtpPort());
        bean.setMediaRoot(media.toString());
        AdapterComponents components = new AdapterComponents(DeployedSettings.of(bean), threads());
        int port;
        try {
            components.start();
            port = components.rtspServer().port();
            assertEquals(Integer.toString(port), components.configured().text("rtspPort"), "the actual port");
            LiveSettings live = new LiveSettings(components, components.liveAppliers(),
                    new SettingsCheck(new SocketProbe()), components.configured());
            SettingsOutcome outcome = live.apply(components.configured().withAll(Map.of(
                    "rtspIdleTimeoutSeconds", "5", "maxSessions", "3", "sessionTimeoutSeconds", "9",
                    "maxIncomingRtpStreams", "7")), false);
            assertEquals(Map.of(), outcome.rejected());
            assertEquals(List.of("maxSessions", "sessionTimeoutSeconds", "maxIncomingRtpStreams", "rtspIdleTimeoutSeconds"),
                    outcome.appliedLive());
            assertEquals(7, components.udpEndpoint().maxRtpReceivers());
            assertEquals(5, components.connectionGuards.limits().idleTimeoutSeconds());
            assertEquals(15, components.connectionGuards.limits().requestTimeoutSeconds(), "the others stay");
            assertEquals(3, components.sessions.maxSessions());
            assertEquals(9, components.sessions.timeoutSeconds());
            try (Socket client = new Socket()) {
                client.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                client.setSoTimeout(10_000);
                client.getOutputStream().write("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] answer = new byte[1024];
                int n = client.getInputStream().read(answer);
                assertTrue(new String(answer, 0, n, StandardCharsets.US_ASCII).startsWith("RTSP/1.0 200 OK"));
            }
        } finally {
            components.stop();
        }
        try (Socket late = new Socket()) {
            late.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            throw new AssertionError("still listening on " + port + " after stop");
        } catch (java.io.IOException refused) {
            // closed, as a redeploy needs
        }
    }
}
