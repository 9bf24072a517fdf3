package org.tributary.it.live;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.ejb.access.AccessService;
import org.tributary.ejb.access.Audience;
import org.tributary.ejb.access.Permission;
import org.tributary.ejb.access.RuleSpec;
import org.tributary.ejb.users.UserService;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.RtspTestClient;
import org.tributary.it.support.Tools;
import org.tributary.rtsp.header.AuthScheme;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Multicast out with real clients: ffmpeg publishes the sample clip, two ffmpeg viewers with
 * {@code -rtsp_transport udp_multicast} decode it from the one group the stream got. The test server
 * multicasts with TTL 0 (arquillian.xml), so the packets stay on this host: they reach its receivers by
 * multicast loopback over the route 224.0.0.0/4 takes; the test is skipped where there is none.
 */
@ExtendWith(ArquillianExtension.class)
class MulticastIT {

    private static final String PATH = "mcast.sdp";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTestClasses(MulticastIT.class, LivePublishIT.class, GstFrames.class,
                TunnelPublisher.class, Framemd5.class, Tools.class);
    }

    @EJB
    UserService users;

    @EJB
    AccessService access;

    private Process publisher;

    @BeforeEach
    void broadcaster() {
        users.putUser(LivePublishIT.CASTER, null, LivePublishIT.PASSWORD);
        access.putBroadcaster(LivePublishIT.CASTER, List.of(LivePublishIT.FOLDER));
        access.putRule(new RuleSpec(LivePublishIT.FOLDER, null, AuthScheme.BASIC, Permission.of(Audience.ANYONE),
                Permission.listed(List.of(LivePublishIT.CASTER), List.of()), null, null, "MulticastIT"));
    }

    @AfterEach
    void stopPublisherAndRemoveTheAccount() throws Exception {
        if (publisher != null) {
            publisher.destroyForcibly();
            publisher.waitFor(10, TimeUnit.SECONDS);
        }
        access.removeRule(LivePublishIT.FOLDER);
        access.removeBroadcaster(LivePublishIT.CASTER);
        users.removeUser(LivePublishIT.CASTER);
    }

    private static boolean multicastRouted() throws InterruptedException {
        try {
            return Tools.run(10, "ip", "route", "get", "239.255.42.1").exitCode() == 0;
        } catch (IOException e) {
            return false; // no ip command (iproute2): nothing says the group is reachable
        }
    }

    @Test
    void twoFfmpegViewersDecodeTheStreamFromTheOneGroupItGot() throws Exception {
        assumeTrue(multicastRouted(), "no route for 224.0.0.0/4 on this host (ip route get 239.255.42.1 fails or there is no ip command):"
                + " multicast cannot be looped back here");
        ProcessBuilder builder = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "warning",
                "-re", "-stream_loop", "-1", "-i", LivePublishIT.sample().toString(), "-c", "copy", "-f", "rtsp",
                "-rtsp_transport", "tcp", LivePublishIT.publishUrl(PATH));
        builder.redirectErrorStream(true);
        builder.redirectOutput(Path.of(System.getProperty("java.io.tmpdir"), "it-multicast-publisher.log").toFile());
        publisher = builder.start();
        LivePublishIT.awaitLive(PATH);
        String url = LivePublishIT.url(PATH);
        try (RtspTestClient first = new RtspTestClient(); RtspTestClient second = new RtspTestClient()) {
            RtspTestClient.Response a = first.request("SETUP", url + "/trackID=1", 1, "Transport: RTP/AVP;multicast");
            RtspTestClient.Response b = second.request("SETUP", url + "/trackID=1", 1, "Transport: RTP/AVP;multicast");
            assertEquals(200, a.status(), a.reason());
            assertTrue(a.header("Transport").matches("RTP/AVP;multicast;destination=239\\.255\\.42\\.\\d+;port=\\d*[02468]-\\d+;ttl=0"),
                    a.header("Transport"));
            assertEquals(a.header("Transport"), b.header("Transport"), "two viewers, one group and port pair");
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Tools.Result>> viewers = List.of(pool.submit(() -> LivePublishIT.view("udp_multicast", url)),
                    pool.submit(() -> LivePublishIT.view("udp_multicast", url)));
            for (Future<Tools.Result> viewer : viewers) {
                Tools.Result r = viewer.get();
                assertEquals(0, r.exitCode(), r.stderr());
                int frames = LivePublishIT.framesOfFiveSeconds(r, 0);
                assertTrue(frames >= LivePublishIT.FIVE_SECONDS * 95 / 100, frames + " of " + LivePublishIT.FIVE_SECONDS
                        + " frames of 5 s decoded over multicast: " + r.stderr());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
