package org.tributary.it.hardening;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;

import jakarta.json.Json;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.DigestAuth;
import org.tributary.it.support.RtspTestClient;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The bad-input suite: requests that break RFC 2326 (and HTTP/1.1 on the same ports) the way broken or
 * hostile clients do, each sent on a fresh connection and answered with one specific status, a close, or
 * (where the RFC says a receiver must be tolerant) a normal answer. After every probe a normal client
 * plays the sample over interleaved RTP, so no probe may leave the adapter wedged.
 *
 * <p>The heavier probes of the hardening items (thousands of idle sockets, floods, crafted files) live
 * in the other classes of this package and are listed in docs/SECURITY.md.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {

    private static final String URL = Endpoints.RTSP + "sample.mp4";
    private static final String CRLF = "\r\n";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void malformedFramingIsRefused() throws Exception {
        run(List.of(
                Probe.rtsp("request line without a URI or version", "DESCRIBE" + CRLF + CRLF).status(400).closes(),
                Probe.rtsp("request line without a version", "DESCRIBE " + URL + CRLF + "CSeq: 1" + CRLF + CRLF).status(400).closes(),
                Probe.rtsp("request line with four parts", "DESCRIBE " + URL + " RTSP/1.0 extra" + CRLF + "CSeq: 1" + CRLF + CRLF).status(400).closes(),
                Probe.rtsp("an unknown protocol", "DESCRIBE " + URL + " SIP/2.0" + CRLF + "CSeq: 1" + CRLF + CRLF).status(400).closes(),
                Probe.rtsp("RTSP/2.0", "OPTIONS * RTSP/2.0" + CRLF + "CSeq: 1" + CRLF + CRLF).status(505),
                Probe.rtsp("a method token with a control character", "DESC\u0001RIBE " + URL + " RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + CRLF).status(400).closes(),
                Probe.rtsp("an unknown method", "BREW " + URL + " RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + CRLF).status(501),
                Probe.rtsp("a NUL in the Request-URI", "DESCRIBE rtsp://127.0.0.1/sample\u0000.mp4 RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + CRLF).statusIn(400, 403, 404),
                Probe.rtsp("a Request-URI of 5000 bytes", "DESCRIBE " + URL + "/" + "a".repeat(5000) + " RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + CRLF).status(414).closes(),
                Probe.rtsp("a header line without a colon", "OPTIONS * RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + "NoColonHere" + CRLF + CRLF).status(400).closes(),
                Probe.rtsp("65 header fields", "OPTIONS * RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + "X-A: b\r\n".repeat(65) + CRLF).status(400).closes(),
                Probe.rtsp("a header section of 40 KB", "OPTIONS * RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + ("X-Pad: " + "p".repeat(1000) + CRLF).repeat(40) + CRLF).status(400).closes(),
                Probe.rtsp("a line of 9000 bytes", "OPTIONS * RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + "X-Long: " + "l".repeat(9000) + CRLF + CRLF).status(400).closes(),
                Probe.rtsp("lines ended by LF alone (RFC 2326 4: receivers accept them)", "OPTIONS * RTSP/1.0\nCSeq: 5\n\n").status(200)));
    }

    @Test
    void badHeadersOfEveryRequestAreRefused() throws Exception {
        run(List.of(
                Probe.rtsp("no CSeq", "OPTIONS * RTSP/1.0" + CRLF + CRLF).status(400),
                Probe.rtsp("a CSeq that is not a number", "OPTIONS * RTSP/1.0" + CRLF + "CSeq: one" + CRLF + CRLF).status(400),
                Probe.rtsp("a CSeq of 11 digits", "OPTIONS * RTSP/1.0" + CRLF + "CSeq: 12345678901" + CRLF + CRLF).status(400),
                Probe.rtsp("two different CSeq headers", "OPTIONS * RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + "CSeq: 2" + CRLF + CRLF).status(400),
                Probe.rtsp("a negative Content-Length", "SET_PARAMETER * RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + "Content-Length: -1" + CRLF + CRLF).status(400).closes(),
                Probe.rtsp("a Content-Length that is not a number", "SET_PARAMETER * RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + "Content-Length: 12abc" + CRLF + CRLF).status(400).closes(),
                Probe.rtsp("a Content-Length of 20 digits", "SET_PARAMETER * RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + "Content-Length: 99999999999999999999" + CRLF + CRLF).statusIn(400, 413).closes(),
                Probe.rtsp("two different Content-Lengths (request smuggling)", "SET_PARAMETER * RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + "Content-Length: 4" + CRLF + "Content-Length: 40" + CRLF + CRLF + "abcd").status(400).closes(),
                Probe.rtsp("a body over the limit", "SET_PARAMETER * RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + "Content-Length: 99999999" + CRLF + CRLF).status(413).closes(),
                Probe.rtsp("a truncated body, then the client leaves", "SET_PARAMETER * RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + "Content-Length: 100" + CRLF + CRLF + "only ten!!").noAnswer(),
                Probe.rtsp("Basic credentials that are not base64", "DESCRIBE " + URL + " RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + "Authorization: Basic !!!not-base64!!!" + CRLF + CRLF).status(400),
                Probe.rtsp("Digest credentials without parameters", "DESCRIBE " + URL + " RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + "Authorization: Digest" + CRLF + CRLF).status(400),
                Probe.rtsp("Digest with an unterminated quote", "DESCRIBE " + URL + " RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + "Authorization: Digest username=\"a, realm=\"x" + CRLF + CRLF).status(400),
                Probe.rtsp("a Session id of 10 KB", "PLAY " + URL + " RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + "Session: " + "s".repeat(7000) + CRLF + CRLF).statusIn(400, 454)));
    }

    @Test
    void badRequestUrisAreRefused() throws Exception {
        run(List.of(
                Probe.rtsp("an http:// Request-URI", "DESCRIBE http://127.0.0.1/sample.mp4 RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + CRLF).statusIn(400, 404),
                Probe.rtsp("a relative Request-URI", "DESCRIBE sample.mp4 RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + CRLF).statusIn(400, 404),
                Probe.rtsp("an invalid percent escape", "DESCRIBE " + Endpoints.RTSP + "sample%zz.mp4 RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + CRLF).status(400),
                Probe.rtsp("an encoded NUL", "DESCRIBE " + Endpoints.RTSP + "sample%00.mp4 RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + CRLF).statusIn(400, 403),
                Probe.rtsp("dot segments out of the root", "DESCRIBE " + Endpoints.RTSP + "a/../../../etc/passwd RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + CRLF).statusIn(403, 404),
                Probe.rtsp("encoded dot segments out of the root", "DESCRIBE " + Endpoints.RTSP + "%2e%2e/%2e%2e/etc/passwd RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + CRLF).statusIn(400, 403, 404),
                Probe.rtsp("a backslash path", "DESCRIBE " + Endpoints.RTSP + "..%5c..%5cetc%5cpasswd RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + CRLF).statusIn(400, 403, 404),
                Probe.rtsp("DESCRIBE of a track URL", "DESCRIBE " + URL + "/trackID=1 RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + CRLF).status(404)));
    }

    @Test
    void badSetupAndPlayAreRefused() throws Exception {
        String setup = "SETUP " + URL + "/trackID=1 RTSP/1.0" + CRLF + "CSeq: 1" + CRLF;
        String play = "PLAY " + URL + " RTSP/1.0" + CRLF + "CSeq: 1" + CRLF;
        run(List.of(
                Probe.rtsp("SETUP without Transport", setup + CRLF).status(400),
                Probe.rtsp("SETUP with an empty Transport", setup + "Transport: " + CRLF + CRLF).statusIn(400, 461),
                Probe.rtsp("SETUP with an unknown profile only", setup + "Transport: RTP/SAVPF/QUIC;unicast" + CRLF + CRLF).status(461),
                Probe.rtsp("SETUP with client ports beyond 65535", setup + "Transport: RTP/AVP;unicast;client_port=70000-70001" + CRLF + CRLF).statusIn(400, 461),
                Probe.rtsp("SETUP with interleaved channels beyond 255", setup + "Transport: RTP/AVP/TCP;unicast;interleaved=300-301" + CRLF + CRLF).statusIn(400, 461),
                Probe.rtsp("SETUP with interleaved=255 (no room for RTCP)", setup + "Transport: RTP/AVP/TCP;unicast;interleaved=255" + CRLF + CRLF).statusIn(400, 461),
                Probe.rtsp("SETUP with 200 transport specs", setup + "Transport: " + "RTP/XYZ;unicast,".repeat(200) + "RTP/XYZ" + CRLF + CRLF).statusIn(400, 461),
                Probe.rtsp("SETUP of track 0", "SETUP " + URL + "/trackID=0 RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1" + CRLF + CRLF).status(404),
                Probe.rtsp("SETUP of a track id that is not a number", "SETUP " + URL + "/trackID=x RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1" + CRLF + CRLF).status(404),
                Probe.rtsp("PLAY without a session", play + CRLF).status(454),
                Probe.rtsp("PAUSE of an unknown session", "PAUSE " + URL + " RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + "Session: 0123456789ABCDEF" + CRLF + CRLF).status(454),
                Probe.rtsp("TEARDOWN of an unknown session", "TEARDOWN " + URL + " RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + "Session: 0123456789ABCDEF" + CRLF + CRLF).status(454)));
    }

    @Test
    void badRangesOfAnOpenSessionAreRefused() throws Exception {
        List<String> failures = new ArrayList<>();
        // Syntax errors are 400; a well-formed range the presentation cannot serve is 457 (RFC 2326 11.3.5).
        String[][] ranges = {
                {"npt=abc-", "400"}, {"npt=5-2", "400 457"}, {"npt=-1-", "400"}, {"npt=50-", "457"},
                {"smpte=10:07:00-10:07:33:05.01", "400 457"}, {"bytes=0-100", "400"}, {"npt=1e400-", "400"}};
        for (String[] range : ranges) {
            try (WireClient client = WireClient.rtsp()) {
                String session = client.setupInterleaved(URL, 1);
                int status = client.exchange("PLAY " + URL + " RTSP/1.0" + CRLF + "CSeq: 9" + CRLF + "Session: " + session
                        + CRLF + "Range: " + range[0] + CRLF + CRLF).status();
                if (!List.of(range[1].split(" ")).contains(String.valueOf(status))) {
                    failures.add("Range: " + range[0] + " got " + status + ", expected " + range[1]);
                }
            }
            stillPlays("after Range: " + range[0], failures);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void interleavedAndTunnelFramingIsSafe() throws Exception {
        byte[] strayFrame = new byte[4 + 1000];
        strayFrame[0] = '$';
        strayFrame[1] = 7;
        strayFrame[2] = (byte) (1000 >> 8);
        strayFrame[3] = (byte) (1000 & 0xFF);
        String stray = new String(strayFrame, java.nio.charset.StandardCharsets.ISO_8859_1);
        run(List.of(
                Probe.rtsp("an interleaved frame on a channel nobody set up, then OPTIONS", stray + "OPTIONS * RTSP/1.0" + CRLF + "CSeq: 3" + CRLF + CRLF).status(200),
                Probe.rtsp("an interleaved frame announcing 65535 bytes, then the client leaves", "$\u0000\u00ff\u00ffshort").noAnswer(),
                Probe.tunnel("a tunnel POST whose cookie has no GET", "POST " + "/sample.mp4 HTTP/1.0" + CRLF + "x-sessioncookie: nobody-has-this" + CRLF
                        + "Content-Type: application/x-rtsp-tunnelled" + CRLF + "Content-Length: 32767" + CRLF + CRLF
                        + java.util.Base64.getEncoder().encodeToString(("OPTIONS * RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + CRLF).getBytes())).httpStatusOrClose(400, 403, 404),
                Probe.tunnel("a tunnel GET with an empty cookie", "GET /sample.mp4 HTTP/1.0" + CRLF + "x-sessioncookie: " + CRLF
                        + "Accept: application/x-rtsp-tunnelled" + CRLF + CRLF).httpStatus(400).closes(),
                Probe.tunnel("a tunnel GET with a cookie of 300 bytes", "GET /sample.mp4 HTTP/1.0" + CRLF + "x-sessioncookie: " + "c".repeat(300) + CRLF
                        + "Accept: application/x-rtsp-tunnelled" + CRLF + CRLF).httpStatus(400).closes(),
                Probe.tunnel("a tunnel half with another method", "PUT /sample.mp4 HTTP/1.0" + CRLF + "x-sessioncookie: abcdef" + CRLF + CRLF).httpStatus(405).closes()));
    }

    @Test
    void badHttpRequestsOnTheRtspPortGetHttpAnswers() throws Exception {
        run(List.of(
                Probe.http("an MP3 GET over an unknown HTTP version", "GET /sample.mp3 HTTP/9.9" + CRLF + CRLF).httpStatus(400, 505),
                Probe.http("DELETE of an MP3", "DELETE /sample.mp3 HTTP/1.1" + CRLF + "Host: x" + CRLF + CRLF).httpStatus(405),
                Probe.http("an MP3 path out of the root", "GET /a/../../x.mp3 HTTP/1.1" + CRLF + "Host: x" + CRLF + CRLF).httpStatus(403),
                Probe.http("a Range past the end of an MP3", "GET /sample.mp3 HTTP/1.1" + CRLF + "Host: x" + CRLF + "Range: bytes=99999999-" + CRLF + CRLF).httpStatus(416),
                Probe.http("a GET of a file that is not an MP3", "GET /sample.txt.mp3 HTTP/1.1" + CRLF + "Host: x" + CRLF + CRLF).httpStatus(404),
                Probe.http("a GET of 40 KB of headers", "GET /sample.mp3 HTTP/1.1" + CRLF + ("X-Pad: " + "p".repeat(1000) + CRLF).repeat(40) + CRLF).httpStatusOrClose(400, 431)));
    }

    /**
     * One quick probe for each numbered item of the hardening issue that a single request can show; the
     * floods and the thousands of sockets are in ConnectionLimitsIT, SlowReaderIT, ControlPathIT,
     * LoginThrottleIT, SessionLimitsIT, CraftedMediaIT and RefusalFloodIT (docs/SECURITY.md).
     */
    @Test
    void theHardeningProbesGetTheSafeAnswer() throws Exception {
        Path media = Path.of(System.getProperty("it.media.dir"));
        Path folder = Files.createDirectories(media.resolve("bad-input/private"));
        Files.copy(media.resolve("tiny.mp4"), folder.resolve("clip.mp4"), StandardCopyOption.REPLACE_EXISTING);
        ConsoleApi admin = ConsoleApi.admin();
        admin.postJson("/api/users", "{\"name\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}");
        admin.postJson("/api/console-accounts", "{\"name\":\"" + VIEWER + "\",\"role\":\"viewer\",\"password\":\""
                + PASSWORD + "\"}");
        HttpResponse<String> rule = admin.postJson("/api/rules", "{\"path\":\"bad-input/private\",\"scheme\":\"digest\","
                + "\"read\":{\"audience\":\"any-user\"}}");
        assertEquals(201, rule.statusCode(), rule.body());
        String protectedUrl = Endpoints.RTSP + "bad-input/private/clip.mp4";
        try {
            check(List.of(
                    new Check("1: a repeated slash into a protected folder", () -> expect(401, Endpoints.RTSP + "bad-input//private/clip.mp4", null)),
                    new Check("1: a dot segment into a protected folder", () -> expect(401, Endpoints.RTSP + "bad-input/./private/clip.mp4", null)),
                    new Check("1: an encoded slash into a protected folder", () -> expect(401, Endpoints.RTSP + "bad-input%2Fprivate%2Fclip.mp4", null)),
                    new Check("3: a viewer asks for the qtusers export", () -> httpStatus(403,
                            new ConsoleApi(VIEWER, PASSWORD).get("/api/darwin/qtusers"))),
                    new Check("4: another address tears down a playing session", BadInputIT::anotherAddressTearsDown),
                    new Check("7: the API under a path parameter with a session cookie only", BadInputIT::cookieWriteThroughPathParameter),
                    new Check("8: a socket that never sends a byte", BadInputIT::silentSocketGets408),
                    new Check("10: a second POST joins an open tunnel", BadInputIT::secondTunnelPost),
                    new Check("14: Digest without qop (replayable)", () -> digestWithoutQop(protectedUrl)),
                    new Check("14: Digest with qop still plays", () -> expect(200, protectedUrl, digestWithQop(protectedUrl)))));
        } finally {
            admin.delete("/api/rules/" + Json.createReader(new StringReader(rule.body())).readObject().getJsonNumber("id").longValue());
            admin.delete("/api/users/" + USER);
            admin.delete("/api/console-accounts/" + VIEWER);
        }
    }

    private static final String USER = "bad-input-user";
    private static final String VIEWER = "bad-input-viewer";
    private static final String PASSWORD = "bad-Input-pw-31";

    /** DESCRIBE with an optional Authorization line; null when the status is the expected one. */
    private static String expect(int status, String url, String authorization) throws IOException {
        try (WireClient client = WireClient.rtsp()) {
            WireClient.Response r = authorization == null ? client.request("DESCRIBE", url)
                    : client.request("DESCRIBE", url, authorization);
            return r.status() == status ? null : "answered " + r.statusLine() + ", expected " + status;
        }
    }

    private static String httpStatus(int status, HttpResponse<String> response) {
        return response.statusCode() == status ? null : "answered " + response.statusCode() + ", expected " + status;
    }

    private static String anotherAddressTearsDown() throws Exception {
        try (WireClient owner = WireClient.rtsp(); java.net.DatagramSocket rtp = new java.net.DatagramSocket(0)) {
            int port = rtp.getLocalPort();
            WireClient.Response setup = owner.request("SETUP", URL + "/trackID=1",
                    "Transport: RTP/AVP;unicast;client_port=" + port + "-" + (port + 1));
            String session = setup.header("Session") == null ? null : setup.header("Session").split(";")[0];
            if (setup.status() != 200 || owner.request("PLAY", URL, "Session: " + session).status() != 200) {
                return "the owner could not SETUP and PLAY";
            }
            try (RtspTestClient intruder = new RtspTestClient(InetAddress.getByName("127.0.0.2"))) {
                int status = intruder.request("TEARDOWN", URL, 1, "Session: " + session).status();
                if (status != 454) {
                    return "TEARDOWN from 127.0.0.2 answered " + status + ", expected 454";
                }
            }
            if (owner.request("GET_PARAMETER", URL, "Session: " + session).status() != 200) {
                return "the owner's session is gone after the intruder's TEARDOWN";
            }
            rtp.setSoTimeout(3000);
            rtp.receive(new java.net.DatagramPacket(new byte[2048], 2048));
            return owner.request("TEARDOWN", URL, "Session: " + session).status() == 200 ? null
                    : "the owner could not TEARDOWN its own session";
        }
    }

    private static String cookieWriteThroughPathParameter() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String form = "login=login&login%3Auser=admin&login%3Apassword="
                + URLEncoder.encode(ConsoleApi.ADMIN_PASSWORD, StandardCharsets.UTF_8)
                + "&login%3Anext=&login%3Asubmit=Log+in&jakarta.faces.ViewState=stateless";
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(Endpoints.HTTP + "/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .reduce((a, b) -> b).map(c -> c.split(";", 2)[0]).orElse(null);
        if (cookie == null) {
            return "the console login gave no session cookie (" + login.statusCode() + ")";
        }
        HttpResponse<String> write = http.send(HttpRequest.newBuilder(URI.create(Endpoints.HTTP + "/api;x/users"))
                .header("Cookie", cookie).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bad-input-forged\",\"password\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (ConsoleApi.admin().get("/api/users/bad-input-forged").statusCode() != 404) {
            ConsoleApi.admin().delete("/api/users/bad-input-forged");
            return "a user was created with the session cookie alone (" + write.statusCode() + ")";
        }
        return write.statusCode() == 401 ? null : "answered " + write.statusCode() + ", expected 401";
    }

    private static String silentSocketGets408() throws IOException {
        try (WireClient silent = WireClient.rtsp()) {
            silent.readTimeout(30_000);
            WireClient.Response r = silent.readResponse();
            if (r == null) {
                return "closed without a 408";
            }
            return r.status() == 408 && silent.closedByServer() ? null : "answered " + r.statusLine() + ", expected 408 and a close";
        }
    }

    private static String secondTunnelPost() throws IOException {
        String cookie = "bad-input-" + System.nanoTime();
        try (WireClient get = new WireClient(Endpoints.TUNNEL_PORT); WireClient post = new WireClient(Endpoints.TUNNEL_PORT);
             WireClient second = new WireClient(Endpoints.TUNNEL_PORT)) {
            WireClient.Response opened = get.exchange("GET /sample.mp4 HTTP/1.0" + CRLF + "x-sessioncookie: " + cookie + CRLF
                    + "Accept: application/x-rtsp-tunnelled" + CRLF + CRLF);
            if (opened.status() != 200) {
                return "the GET half answered " + opened.statusLine();
            }
            String postHead = "POST /sample.mp4 HTTP/1.0" + CRLF + "x-sessioncookie: " + cookie + CRLF
                    + "Content-Type: application/x-rtsp-tunnelled" + CRLF + "Content-Length: 32767" + CRLF + CRLF;
            post.write(postHead + java.util.Base64.getEncoder().encodeToString(
                    ("OPTIONS * RTSP/1.0" + CRLF + "CSeq: 1" + CRLF + CRLF).getBytes(StandardCharsets.US_ASCII)));
            WireClient.Response options = get.readResponse();
            if (options == null || options.status() != 200) {
                return "the first POST's OPTIONS was not answered through the GET half";
            }
            second.write(postHead);
            WireClient.Response refused = second.readResponse();
            return refused != null && refused.status() == 409 ? null
                    : "the second POST answered " + (refused == null ? "nothing" : refused.statusLine()) + ", expected 409";
        }
    }

    private static String digestWithoutQop(String url) throws Exception {
        String challenge = sha256Challenge(url);
        java.util.Map<String, String> p = DigestAuth.params(challenge);
        String ha1 = sha256(USER + ":" + p.get("realm") + ":" + PASSWORD);
        String response = sha256(ha1 + ":" + p.get("nonce") + ":" + sha256("DESCRIBE:" + url));
        String rfc2069 = "Authorization: Digest username=\"" + USER + "\", realm=\"" + p.get("realm") + "\", nonce=\""
                + p.get("nonce") + "\", uri=\"" + url + "\", response=\"" + response + "\", algorithm=SHA-256";
        return expect(401, url, rfc2069);
    }

    private static String digestWithQop(String url) throws Exception {
        return DigestAuth.authorization(sha256Challenge(url), "DESCRIBE", url, USER, PASSWORD);
    }

    private static String sha256Challenge(String url) throws IOException {
        try (RtspTestClient client = new RtspTestClient()) {
            RtspTestClient.Response r = client.request("DESCRIBE", url, 1);
            return DigestAuth.challenge(r.headerValues("WWW-Authenticate"), "SHA-256");
        }
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    // ---------------------------------------------------------------------------------------------

    /** A named check that returns what went wrong, or null. */
    private record Check(String name, java.util.concurrent.Callable<String> probe) {
    }

    private void run(List<Probe> probes) throws Exception {
        check(probes.stream().map(p -> new Check(p.name(), p::send)).toList());
    }

    private void check(List<Check> checks) {
        List<String> failures = new ArrayList<>();
        for (Check check : checks) {
            try {
                String problem = check.probe().call();
                if (problem != null) {
                    failures.add(check.name() + ": " + problem);
                }
            } catch (Exception e) {
                failures.add(check.name() + ": " + e);
            }
            stillPlays("after '" + check.name() + "'", failures);
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + checks.size() + " probes went wrong:\n" + String.join("\n", failures));
        }
    }

    /** A normal client: DESCRIBE, SETUP two tracks interleaved, PLAY, RTP on both tracks, TEARDOWN. */
    private static void stillPlays(String when, List<String> failures) {
        try {
            String problem = WireClient.playsBriefly(URL);
            if (problem != null) {
                failures.add("a normal client could not play " + when + ": " + problem);
            }
        } catch (Exception e) {
            failures.add("a normal client could not play " + when + ": " + e);
        }
    }
}
