package org.tributary.it.relay;

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
import org.tributary.it.live.Framemd5;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;
import org.tributary.it.support.Tools;
import org.tributary.rtsp.header.AuthScheme;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Relays through the REST API on a real server: a pull relay from a gst-rtsp-server the test starts (decoded by
 * ffmpeg through Tributary; the source killed and restarted: the relay backs off and plays again), a pull relay
 * from another path of the same server (ffmpeg publishing there), and a push relay of a live path to another path
 * of the same server (as a broadcaster account).
 */
@ExtendWith(ArquillianExtension.class)
class RelayIT {

    static final String FOLDER = "it-relay";
    static final String CASTER = "it-relay-caster";
    static final String PASSWORD = "relay-cast-pw";
    /** Frames of 5 s at 25 fps. */
    static final int FIVE_SECONDS = 125;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTestClasses(RelayIT.class, Framemd5.class, Tools.class);
    }

    @EJB
    UserService users;

    @EJB
    AccessService access;

    private final List<Process> processes = new ArrayList<>();
    private final List<String> relays = new ArrayList<>();

    @BeforeEach
    void broadcaster() {
        users.putUser(CASTER, null, PASSWORD);
        access.putBroadcaster(CASTER, List.of(FOLDER));
        access.putRule(new RuleSpec(FOLDER, null, AuthScheme.BASIC, Permission.of(Audience.ANYONE),
                Permission.listed(List.of(CASTER), List.of()), null, null, "RelayIT"));
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (String name : relays) {
            ConsoleApi.admin().delete("/api/relays/" + name);
        }
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        access.removeRule(FOLDER);
        access.removeBroadcaster(CASTER);
        users.removeUser(CASTER);
    }

    static String url(String path) {
        return Endpoints.RTSP + FOLDER + "/" + path;
    }

    /** PUTs a relay and returns its answer; the test deletes it at the end. */
    private JsonObject putRelay(String name, String direction, String path, String source, String user,
                                String password) throws Exception {
        String json = "{\"direction\":\"" + direction + "\",\"path\":\"" + FOLDER + "/" + path + "\",\"url\":\"" + source
                + "\",\"user\":" + quoted(user) + ",\"password\":" + quoted(password) + ",\"transport\":\"tcp\","
                + "\"onDemand\":false,\"lingerSeconds\":10,\"enabled\":true}";
        relays.add(name);
        var answer = ConsoleApi.admin().putJson("/api/relays/" + name, json);
        assertTrue(answer.statusCode() == 200 || answer.statusCode() == 201, answer.statusCode() + " " + answer.body());
        JsonObject relay = Json.createReader(new StringReader(answer.body())).readObject();
        assertEquals(name, relay.getString("name"));
        assertTrue(password == null || !answer.body().contains(password), "no password shown back: " + answer.body());
        return relay;
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    private static JsonObject relay(String name) throws Exception {
        var answer = ConsoleApi.admin().get("/api/relays/" + name);
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    /** Waits, at most {@code seconds}, until the relay's state is {@code state}. */
    private static JsonObject awaitState(String name, String state, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        JsonObject relay = relay(name);
        while (!relay.getString("state").equals(state)) {
            assertTrue(System.nanoTime() < deadline, "the relay never went " + state + ": " + relay);
            Thread.sleep(200);
            relay = relay(name);
        }
        return relay;
    }

    /** ffmpeg decoding 7 s of a stream's video: at least 95 % of 5 s of frames. */
    private static void decodes(String rtspUrl) throws Exception {
        Tools.Result r = Tools.run(30, "ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-rtsp_transport",
                "tcp", "-i", rtspUrl, "-map", "0:v", "-t", "7", "-f", "framemd5", "-");
        assertEquals(0, r.exitCode(), r.stderr());
        List<Double> times = Framemd5.of(r, 0).presentationTimes();
        long frames = times.isEmpty() ? 0 : times.stream().filter(t -> t - times.get(0) < 5.0).count();
        assertTrue(frames >= FIVE_SECONDS * 95 / 100, frames + " of " + FIVE_SECONDS + " frames of 5 s decoded");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A gst-rtsp-server serving a 25 fps H.264 test picture at rtsp://127.0.0.1:PORT/x until killed. */
    private static final String GST_SOURCE = """
            # Usage: gst-rtsp-source.py PORT. Exits 3 when the GStreamer RTSP server bindings are missing
            # (scripts/install-tools.sh installs them).
            import sys

            try:
                import gi
                gi.require_version("Gst", "1.0")
                gi.require_version("GstRtspServer", "1.0")
                from gi.repository import Gst, GstRtspServer, GLib
            except (ImportError, ValueError) as missing:
                print("missing: " + str(missing), file=sys.stderr)
                sys.exit(3)

            Gst.init(None)
            server = GstRtspServer.RTSPServer()
            server.set_address("127.0.0.1")
            server.set_service(sys.argv[1])
            factory = GstRtspServer.RTSPMediaFactory()
            factory.set_launch("( videotestsrc is-live=true ! video/x-raw,width=320,height=240,framerate=25/1 "
                               "! openh264enc gop-size=25 ! h264parse ! rtph264pay name=pay0 pt=96 config-interval=1 )")
            factory.set_shared(True)
            server.get_mount_points().add_factory("/x", factory)
            server.attach(None)
            print("ready", flush=True)
            GLib.MainLoop().run()
            """;

    /** The gst-rtsp-server of the test's script on a port, once it accepts connections; fails without its Python bindings. */
    private Process gstSource(int port) throws Exception {
        Path script = Files.createTempFile("gst-rtsp-source", ".py");
        Files.writeString(script, GST_SOURCE); // the test runs in the server: its resources are not at hand
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/python3", script.toString(), Integer.toString(port));
        builder.redirectErrorStream(true);
        builder.redirectOutput(Path.of(System.getProperty("java.io.tmpdir"), "it-relay-gst-" + port + ".log").toFile());
        Process process = builder.start();
        processes.add(process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                assertTrue(process.exitValue() != 3, "python3-gi and gir1.2-gst-rtsp-server-1.0 are not installed"
                        + " (scripts/install-tools.sh installs them): the gst-rtsp-server source cannot run");
                throw new AssertionError("the gst-rtsp-server script exited with " + process.exitValue());
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return process;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the gst-rtsp-server did not listen on " + port + " within 10 s");
    }

    private Process publish(String path) throws IOException {
        Path sample = Path.of(System.getProperty("tributary.media.root"), "sample.mp4");
        ProcessBuilder builder = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "warning",
                "-re", "-stream_loop", "-1", "-i", sample.toString(), "-c", "copy", "-f", "rtsp", "-rtsp_transport",
                "tcp", "rtsp://" + CASTER + ":" + PASSWORD + "@127.0.0.1:" + Endpoints.RTSP_PORT + "/" + FOLDER + "/"
                        + path);
        builder.redirectErrorStream(true);
        builder.redirectOutput(Path.of(System.getProperty("java.io.tmpdir"), "it-relay-" + path + ".log").toFile());
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** Waits until DESCRIBE of the path answers 200, at most 20 s. */
    private static void awaitLive(String path) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int status = 0;
        while (System.nanoTime() < deadline) {
            try (RtspTestClient client = new RtspTestClient()) {
                status = client.request("DESCRIBE", url(path), 1).status();
            }
            if (status == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " never went live: DESCRIBE answered " + status);
    }

    @Test
    void aPullRelayFromGstRtspServerIsDecodedThroughTributary() throws Exception {
        int port = freePort();
        gstSource(port);
        putRelay("it-gst", "pull", "cam.sdp", "rtsp://127.0.0.1:" + port + "/x", null, null);
        JsonObject playing = awaitState("it-gst", "playing", 15);
        assertEquals("H264", playing.getString("codecs"));
        decodes(url("cam.sdp"));
    }

    @Test
    void aPullRelayFromAnotherPathOfTheSameServerWorks() throws Exception {
        publish("source.sdp");
        awaitLive("source.sdp");
        putRelay("it-loop", "pull", "copy.sdp", url("source.sdp"), null, null);
        awaitState("it-loop", "playing", 15);
        decodes(url("copy.sdp"));
    }

    @Test
    void aRestartedSourceIsPlayedAgainAfterTheBackoff() throws Exception {
        int port = freePort();
        Process gst = gstSource(port);
        putRelay("it-restart", "pull", "restart.sdp", "rtsp://127.0.0.1:" + port + "/x", null, null);
        awaitState("it-restart", "playing", 15);

        gst.destroyForcibly();
        gst.waitFor(10, TimeUnit.SECONDS);
        JsonObject lost = awaitState("it-restart", "backing off", 15);
        assertTrue(lost.containsKey("lastError") && !lost.isNull("lastError"), lost.toString());
        gstSource(port);
        JsonObject again = awaitState("it-restart", "playing", 20);
        assertTrue(again.getJsonNumber("reconnects").longValue() >= 1, again.toString());
        decodes(url("restart.sdp"));
    }

    @Test
    void aPushRelayAnnouncesALivePathToAnotherPathOfTheSameServer() throws Exception {
        publish("origin.sdp");
        awaitLive("origin.sdp");
        JsonObject put = putRelay("it-push", "push", "origin.sdp", url("pushed.sdp"), CASTER, PASSWORD);
        assertTrue(put.getBoolean("hasPassword"), put.toString());
        awaitState("it-push", "playing", 15);
        awaitLive("pushed.sdp");
        Tools.Result probe = Tools.run(30, "ffprobe", "-hide_banner", "-loglevel", "error", "-rtsp_transport", "tcp",
                "-show_entries", "stream=codec_name", "-of", "csv=p=0", url("pushed.sdp"));
        assertEquals(0, probe.exitCode(), probe.stderr());
        assertTrue(probe.stdout().contains("h264"), probe.stdout());
    }
}
