package org.tributary.server;

import org.junit.jupiter.api.Test;
import org.tributary.auth.Verdict;
import org.tributary.rtsp.DecoderLimits;
import org.tributary.rtsp.RtspDecoder;
import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspStatus;
import org.tributary.rtsp.header.WwwAuthenticate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every refusal becomes the same status, body and log line whichever protocol answers it. */
class RefusalsTest {

    private static final Verdict UNAUTHORIZED = new Verdict(Verdict.Kind.UNAUTHORIZED, "no credentials", null,
            List.of(WwwAuthenticate.basic("Tributary")), 150);
    private static final Verdict FORBIDDEN = new Verdict(Verdict.Kind.FORBIDDEN, "not in the audience", "ann", List.of());
    private static final Verdict UNAVAILABLE = new Verdict(Verdict.Kind.UNAVAILABLE, "timed out", null, List.of());

    private static RtspRequest request(String head) throws Exception {
        return (RtspRequest) new RtspDecoder(DecoderLimits.DEFAULTS)
                .decode(ByteBuffer.wrap((head + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
    }

    private static String text(Reply reply) {
        return new String(reply.response().encode(), StandardCharsets.UTF_8);
    }

    @Test
    void aMissingLoginIsA401WithItsChallengeHeldBackAlike() throws Exception {
        Refusal rtsp = Refusals.ofVerdict(UNAUTHORIZED, false);
        Reply answer = Refusals.rtsp(rtsp, "4");
        assertEquals("RTSP/1.0 401 Unauthorized\r\nCSeq: 4\r\nWWW-Authenticate: Basic realm=\"Tributary\"\r\n\r\n",
                text(answer));
        assertEquals(150, answer.holdBackMillis());
        assertEquals(Level.WARNING, rtsp.level());

        AtomicInteger closed = new AtomicInteger();
        Reply http = Refusals.http(Refusals.ofVerdict(UNAUTHORIZED, true), request("GET /a.mp3 HTTP/1.0"),
                closed::incrementAndGet);
        assertEquals("HTTP/1.0 401 Unauthorized\r\nConnection: close\r\nCache-Control: no-store\r\n"
                + "Content-Type: application/json\r\nWWW-Authenticate: Basic realm=\"Tributary\"\r\nContent-Length: 63\r\n\r\n"
                + "{\"status\":401,\"error\":\"credentials are needed: no credentials\"}", text(http));
        assertEquals(150, http.holdBackMillis());
        http.afterSent().run();
        assertEquals(1, closed.get(), "the HTTP connection closes once the answer is sent");
    }

    @Test
    void aForbiddenUserIsA403AndTheLogNamesThem() throws Exception {
        assertEquals("RTSP/1.0 403 Forbidden\r\nCSeq: 2\r\n\r\n", text(Refusals.rtsp(Refusals.ofVerdict(FORBIDDEN, false), "2")));
        Reply http = Refusals.http(Refusals.ofVerdict(FORBIDDEN, true), request("GET /a.mp3 HTTP/1.0"), () -> { });
        assertEquals(403, http.response().code());
        assertEquals("{\"status\":403,\"error\":\"not in the audience\"}",
                new String(http.response().body(), StandardCharsets.UTF_8));
        assertEquals("refused DESCRIBE movies/a.mp4 for 10.0.0.9 user 'ann': not in the audience; answering 403",
                Refusals.accessLogLine(FORBIDDEN, "DESCRIBE", "movies/a.mp4", "10.0.0.9"));
        assertEquals("refused GET a.mp3 for 10.0.0.9: no credentials; answering 401 after 150 ms (repeated failed logins)",
                Refusals.accessLogLine(UNAUTHORIZED, "GET", "a.mp3", "10.0.0.9"));
    }

    @Test
    void noDecisionIsA503ThatHttpClientsRetryAfterFiveSeconds() throws Exception {
        Refusal rtsp = Refusals.ofVerdict(UNAVAILABLE, false);
        assertEquals(Level.SEVERE, rtsp.level());
        assertEquals("RTSP/1.0 503 Service Unavailable\r\nCSeq: 9\r\n\r\n", text(Refusals.rtsp(rtsp, "9")));
        Reply http = Refusals.http(Refusals.ofVerdict(UNAVAILABLE, true), request("HEAD /a.mp3 HTTP/1.0"), () -> { });
        assertEquals("HTTP/1.0 503 Service Unavailable\r\nConnection: close\r\nCache-Control: no-store\r\nRetry-After: 5\r\n\r\n",
                text(http), "HEAD gets no body");
        assertEquals("no access decision for a.mp3: timed out; answering 503",
                Refusals.accessLogLine(UNAVAILABLE, "GET", "a.mp3", "10.0.0.9"));
    }

    @Test
    void anAllowedVerdictIsNoRefusal() {
        assertThrows(IllegalArgumentException.class, () -> Refusals.ofVerdict(
                new Verdict(Verdict.Kind.ALLOWED, null, "ann", List.of()), false));
    }

    @Test
    void aClientMessageBecomesTheTextBodyOfAnRtspAnswer() {
        Refusal notYet = new Refusal(RtspStatus.NOT_IMPLEMENTED, "no reflector", Level.INFO, List.of(), 0, "Not yet.", null);
        assertEquals("RTSP/1.0 501 Not Implemented\r\nCSeq: 3\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: 10\r\n\r\nNot yet.\r\n", text(Refusals.rtsp(notYet, "3")));
        assertNull(Refusals.rtsp(Refusal.of(RtspStatus.NOT_FOUND, "gone"), null).response().headers().get("CSeq"));
    }

    @Test
    void whatCannotBeReadAndWhatIsOverTheLimitClosesTheConnection() {
        assertEquals("HTTP/1.0 413 Request Entity Too Large\r\nConnection: close\r\n\r\n",
                new String(Refusals.closing(RtspStatus.REQUEST_ENTITY_TOO_LARGE, true).encode(), StandardCharsets.US_ASCII));
        assertEquals("RTSP/1.0 503 Service Unavailable\r\nServer: Test\r\nConnection: close\r\n\r\n",
                new String(Refusals.connectionRefused("Test"), StandardCharsets.US_ASCII));
    }

    @Test
    void httpBodiesEscapeQuotesBackslashesAndControls() {
        assertEquals("a\\\"b\\\\c\\u0001", Refusals.json("a\"b\\c\u0001"));
    }
}
