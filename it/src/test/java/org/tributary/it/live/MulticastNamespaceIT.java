package org.tributary.it.live;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
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
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;
import org.tributary.it.support.Tools;
import org.tributary.rtsp.header.AuthScheme;

import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Multicast to another host: the viewers are ffmpeg processes in a test network namespace joined to this
 * host by a veth pair ({@link TestNetns}); the server multicasts out of the root side with TTL 1 (set through
 * the settings API, like the group range and ports, which are this run's own so that no other test's
 * receiver on this host hears them), and reaches the viewers' RTSP through a {@link TcpForwarder} on the root
 * side's address, since the test server listens on 127.0.0.1. Skipped when no namespace can be made.
 */
@ExtendWith(ArquillianExtension.class)
class MulticastNamespaceIT {

    private static final List<String> CHANGED = List.of("multicastInterface", "multicastTtl", "multicastRange",
            "multicastPortFirst", "multicastPortLast", "multicastOnlyPaths");
    private static final ConsoleApi ADMIN = ConsoleApi.admin();

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTestClasses(MulticastNamespaceIT.class, TestNetns.class,
                TestNetns.UnavailableException.class, TcpForwarder.class, LivePublishIT.class, GstFrames.class,
                TunnelPublisher.class, Framemd5.class, Tools.class);
    }

    @EJB
    UserService users;

    @EJB
    AccessService access;

    private final List<Process> publishers = new ArrayList<>();
    private JsonObject before;
    private TestNetns ns;
    private TcpForwarder forwarder;
    private String group;
    private int portFirst;

    @BeforeEach
    void namespaceAndSettings() throws Exception {
        users.putUser(LivePublishIT.CASTER, null, LivePublishIT.PASSWORD);
        access.putBroadcaster(LivePublishIT.CASTER, List.of(LivePublishIT.FOLDER));
        access.putRule(new RuleSpec(LivePublishIT.FOLDER, null, AuthScheme.BASIC, Permission.of(Audience.ANYONE),
                Permission.listed(List.of(LivePublishIT.CASTER), List.of()), null, null, "MulticastNamespaceIT"));
        try {
            ns = TestNetns.create();
        } catch (TestNetns.UnavailableException e) {
            assumeTrue(false, "no test network namespace: " + e.getMessage());
        }
        forwarder = new TcpForwarder(ns.rootInetAddress(), new InetSocketAddress("127.0.0.1", Endpoints.RTSP_PORT));
        before = json(ADMIN.get("/api/settings")).getJsonObject("settings");
        int n = Integer.parseInt(ns.rootAddress().split("\\.")[2]);
        group = "239.255.213." + n;
        portFirst = 30000 + 4 * n;
        settings("{\"multicastInterface\": \"" + ns.rootSide() + "\", \"multicastTtl\": 1, \"multicastRange\": \""
                + group + "\", \"multicastPortFirst\": " + portFirst + ", \"multicastPortLast\": " + (portFirst + 3)
                + "}");
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Process p : publishers) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        try {
            if (before != null) {
                StringBuilder restore = new StringBuilder("{");
                for (String name : CHANGED) {
                    restore.append(restore.length() > 1 ? ", " : "").append('"').append(name).append("\": ")
                            .append(before.get(name).toString());
                }
                settings(restore.append('}').toString());
            }
        } finally {
            if (forwarder != null) {
                forwarder.close();
            }
            if (ns != null) {
                ns.close();
            }
            access.removeRule(LivePublishIT.FOLDER);
            access.removeBroadcaster(LivePublishIT.CASTER);
            users.removeUser(LivePublishIT.CASTER);
        }
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static void settings(String values) throws Exception {
        json(ADMIN.putJson("/api/settings", values));
    }

    private void publish(String path) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "warning",
                "-re", "-stream_loop", "-1", "-i", LivePublishIT.sample().toString(), "-c", "copy", "-f", "rtsp",
                "-rtsp_transport", "tcp", LivePublishIT.publishUrl(path));
        builder.redirectErrorStream(true);
        builder.redirectOutput(Path.of(System.getProperty("java.io.tmpdir"), "it-netns-" + path + ".log").toFile());
        publishers.add(builder.start());
        LivePublishIT.awaitLive(path);
    }

    /** The path as the namespace reaches it: through the forwarder on the root side's address. */
    private String urlFromNamespace(String path) {
        return "rtsp://" + ns.rootAddress() + ":" + forwarder.port() + "/" + LivePublishIT.FOLDER + "/" + path;
    }

    /** ffmpeg in the namespace decoding 7 s of video over multicast, one framemd5 line per frame. */
    private Tools.Result viewInNamespace(String path) throws Exception {
        return Tools.run(40, ns.inside(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error",
                "-rtsp_transport", "udp_multicast", "-i", urlFromNamespace(path), "-map", "0:v", "-t", "7", "-f",
                "framemd5", "-")).toArray(String[]::new));
    }

    private static void assertFiveSecondsDecoded(Tools.Result r, String who) {
        assertEquals(0, r.exitCode(), who + ": " + r.stderr());
        int frames = LivePublishIT.framesOfFiveSeconds(r, 0);
        assertTrue(frames >= LivePublishIT.FIVE_SECONDS * 95 / 100, who + ": " + frames + " of "
                + LivePublishIT.FIVE_SECONDS + " frames of 5 s decoded over multicast in the namespace: " + r.stderr());
    }

    /** Half the sample clip (10 s): what 5 s of the stream weigh without RTP, UDP and IP headers. */
    private static long fiveSecondsOfTheClip() throws Exception {
        return Files.size(LivePublishIT.sample()) / 2;
    }

    @Test
    void twoViewersInANamespaceDecodeTheOneGroupThatCrossesTheVeth() throws Exception {
        publish("netns.sdp");
        String url = LivePublishIT.url("netns.sdp");
        try (RtspTestClient first = new RtspTestClient(); RtspTestClient second = new RtspTestClient()) {
            RtspTestClient.Response a = first.request("SETUP", url + "/trackID=1", 1, "Transport: RTP/AVP;multicast");
            RtspTestClient.Response b = second.request("SETUP", url + "/trackID=1", 1, "Transport: RTP/AVP;multicast");
            assertEquals(200, a.status(), a.reason());
            assertEquals("RTP/AVP;multicast;destination=" + group + ";port=" + portFirst + "-" + (portFirst + 1)
                    + ";ttl=1", a.header("Transport"), "the group, ports and TTL just set apply to the new group");
            assertEquals(a.header("Transport"), b.header("Transport"), "two viewers, one group and port pair");
        }
        long sentBefore = ns.bytesIntoNamespace();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Tools.Result>> viewers = List.of(pool.submit(() -> viewInNamespace("netns.sdp")),
                    pool.submit(() -> viewInNamespace("netns.sdp")));
            assertFiveSecondsDecoded(viewers.get(0).get(), "first viewer");
            assertFiveSecondsDecoded(viewers.get(1).get(), "second viewer");
        } finally {
            pool.shutdownNow();
        }
        long crossed = ns.bytesIntoNamespace() - sentBefore;
        assertTrue(crossed >= fiveSecondsOfTheClip(), crossed + " bytes went out of " + ns.rootSide()
                + " while two viewers watched 7 s; 5 s of the clip alone are " + fiveSecondsOfTheClip());
    }

    @Test
    void aMulticastOnlyPathNamesItsGroupRefusesUnicastAndPlaysOverMulticast() throws Exception {
        settings("{\"multicastOnlyPaths\": \"" + LivePublishIT.FOLDER + "/mconly\"}");
        publish("mconly.sdp");
        String url = LivePublishIT.url("mconly.sdp");
        try (RtspTestClient client = new RtspTestClient()) {
            RtspTestClient.Response describe = client.request("DESCRIBE", url, 1);
            assertEquals(200, describe.status(), describe.reason());
            String sdp = describe.bodyText();
            assertTrue(sdp.contains("c=IN IP4 " + group + "/1\r\n"), sdp);
            Matcher video = Pattern.compile("m=video (\\d+) RTP/AVP").matcher(sdp);
            assertTrue(video.find(), sdp);
            RtspTestClient.Response unicast = client.request("SETUP", url + "/trackID=1", 2,
                    "Transport: RTP/AVP;unicast;client_port=5000-5001");
            assertEquals(461, unicast.status(), unicast.reason());
            assertTrue(unicast.bodyText().contains("is multicast-only"), unicast.bodyText());
            assertEquals("RTP/AVP;multicast;destination=" + group + ";port=" + portFirst + "-" + (portFirst + 1)
                    + ";ttl=1", unicast.header("Transport"), "the 461 offers the multicast transport");
            RtspTestClient.Response multicast = client.request("SETUP", url + "/trackID=1", 3,
                    "Transport: RTP/AVP;multicast");
            assertEquals(200, multicast.status(), multicast.reason());
            assertEquals(Integer.toString(portFirst), video.group(1), "the m= line carries the group port: " + sdp);
            assertEquals("RTP/AVP;multicast;destination=" + group + ";port=" + portFirst + "-" + (portFirst + 1)
                    + ";ttl=1", multicast.header("Transport"), "the group the SDP named");
        }
        Tools.Result refused = Tools.run(30, "ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error",
                "-rtsp_transport", "udp", "-i", url, "-t", "2", "-f", "null", "-");
        assertNotEquals(0, refused.exitCode(), "ffmpeg over unicast UDP played a multicast-only path");
        assertTrue(refused.stderr().contains("461"), refused.stderr());
        assertFiveSecondsDecoded(viewInNamespace("mconly.sdp"), "multicast viewer of the multicast-only path");
    }
}
