package org.tributary.server;

import org.tributary.auth.AccessGuard;
import org.tributary.auth.Verdict;
import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspResponse;
import org.tributary.rtsp.RtspStatus;
import org.tributary.rtsp.header.WwwAuthenticate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;

/**
 * The one place a refusal becomes an answer: an access verdict becomes a {@link Refusal} (the same for
 * RTSP, the tunnel and MP3 over HTTP), and a refusal becomes an RTSP response, an HTTP error with a JSON
 * body, or the bytes that turn away a connection over the limit.
 */
public final class Refusals {

    private Refusals() {
    }

    /**
     * The refusal a verdict other than ALLOWED stands for: 401 with its challenges (held back after repeated
     * failed logins), 403, or 503 when no decision came.
     *
     * @param http whether the answer is HTTP (its body explains, and a 503 says when to come back)
     */
    public static Refusal ofVerdict(Verdict verdict, boolean http) {
        return switch (verdict.kind()) {
            case ALLOWED -> throw new IllegalArgumentException("an allowed request is not refused");
            case UNAUTHORIZED -> new Refusal(RtspStatus.UNAUTHORIZED, verdict.reason(), Level.WARNING,
                    verdict.challenges(), verdict.holdBackMillis(),
                    http ? "credentials are needed: " + verdict.reason() : null, null);
            case FORBIDDEN -> new Refusal(RtspStatus.FORBIDDEN, verdict.reason(), Level.WARNING, List.of(), 0, null, null);
            case UNAVAILABLE -> new Refusal(RtspStatus.SERVICE_UNAVAILABLE, verdict.reason(), Level.SEVERE, List.of(), 0,
                    http ? "no access decision: " + verdict.reason() : null, http ? "5" : null);
        };
    }

    /**
     * The log line of an access refusal (its level is the refusal's).
     *
     * @param method the method as logged ("DESCRIBE", "GET")
     * @param path   the canonical path asked about
     * @param client the client's address
     */
    public static String accessLogLine(Verdict verdict, String method, String path, String client) {
        String who = " for " + client + (verdict.user() == null ? "" : " user '" + verdict.user() + "'");
        return switch (verdict.kind()) {
            case UNAUTHORIZED -> "refused " + method + " " + path + who + ": " + verdict.reason() + "; answering 401"
                    + AccessGuard.holdBackNote(verdict);
            case FORBIDDEN -> "refused " + method + " " + path + who + ": " + verdict.reason() + "; answering 403";
            default -> "no access decision for " + path + ": " + verdict.reason() + "; answering 503";
        };
    }

    /**
     * An RTSP answer with the request's CSeq (null: none), a 401's challenges and hold-back, and the
     * client message, if the refusal has one, as a text body.
     */
    public static Reply rtsp(Refusal refusal, String cseq) {
        RtspResponse response = answer(refusal.status(), cseq);
        challenge(response, refusal);
        if (refusal.clientMessage() != null) {
            response.body("text/plain; charset=utf-8", (refusal.clientMessage() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return Reply.of(response).heldBack(refusal.holdBackMillis());
    }

    /**
     * An HTTP error with a JSON body saying why (none for HEAD), a 401's challenges and hold-back, a 503's
     * Retry-After.
     *
     * @param close closes the connection once the answer is sent
     */
    public static Reply http(Refusal refusal, RtspRequest request, Runnable close) {
        RtspResponse response = httpError(refusal.code(), refusal.status().reason(), refusal.message(), request);
        challenge(response, refusal);
        if (refusal.retryAfter() != null) {
            response.header("Retry-After", refusal.retryAfter());
        }
        return Reply.of(response).then(close).heldBack(refusal.holdBackMillis());
    }

    /** An HTTP error that closes the connection, with a JSON body {@code {"status":..,"error":".."}} unless HEAD. */
    public static RtspResponse httpError(int code, String reason, String message, RtspRequest request) {
        RtspResponse response = new RtspResponse(code, reason).asHttp().header("Connection", "close")
                .header("Cache-Control", "no-store");
        if (!"HEAD".equals(request.methodToken())) {
            response.body("application/json", ("{\"status\":" + code + ",\"error\":\"" + json(message) + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return response;
    }

    /**
     * An HTTP status without a body (a tunnel half refused).
     *
     * @param close closes the connection once the answer is sent
     */
    public static Reply httpClosing(RtspStatus status, Runnable close) {
        return Reply.of(new RtspResponse(status).asHttp().header("Connection", "close")).then(close);
    }

    /**
     * The answer to a message that could not be read (a parse error, a request too large or too slow):
     * the connection closes after it.
     *
     * @param http whether the client spoke HTTP (MP3 over HTTP, a tunnel half): it reads HTTP status lines only
     */
    public static RtspResponse closing(RtspStatus status, boolean http) {
        RtspResponse response = new RtspResponse(status);
        if (http) {
            response.asHttp();
        }
        return response.header("Connection", "close");
    }

    /** What a connection over a connection limit is told before it is closed. */
    public static byte[] connectionRefused(String serverHeader) {
        return ("RTSP/1.0 503 Service Unavailable\r\nServer: " + serverHeader + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A response with this status and the request's CSeq (null: none). */
    public static RtspResponse answer(RtspStatus status, String cseq) {
        RtspResponse response = new RtspResponse(status);
        if (cseq != null) {
            response.header("CSeq", cseq.trim());
        }
        return response;
    }

    private static void challenge(RtspResponse response, Refusal refusal) {
        for (WwwAuthenticate c : refusal.challenges()) {
            response.headers().add(WwwAuthenticate.HEADER, c.format());
        }
    }

    static String json(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
