package org.tributary.rtsp.client;

import org.tributary.rtsp.RtspResponse;
import org.tributary.rtsp.header.Authorization;
import org.tributary.rtsp.header.AuthScheme;
import org.tributary.rtsp.header.BasicAuthorization;
import org.tributary.rtsp.header.DigestAlgorithm;
import org.tributary.rtsp.header.DigestAuthorization;
import org.tributary.rtsp.header.HeaderParseException;
import org.tributary.rtsp.header.WwwAuthenticate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers a 401's WWW-Authenticate challenges as a client: picks the strongest one offered (Digest SHA-256,
 * then Digest MD5, then Basic) and computes its Authorization (RFC 7617, RFC 7616 with qop=auth, nc, cnonce;
 * RFC 2069 style when the challenge offers no qop). Counts nc per nonce, so repeated answers to one
 * challenge stay valid.
 */
public final class ClientAuthenticator {

    private final String user;
    private final String password;
    private final Supplier<String> cnonces;
    private String lastNonce;
    private long nonceCount;

    /** @param cnonces where client nonces come from (random in use, fixed in tests) */
    public ClientAuthenticator(String user, String password, Supplier<String> cnonces) {
        this.user = user;
        this.password = password;
        this.cnonces = cnonces;
    }

    /** The challenges of a 401 this client can read; a scheme or algorithm it cannot answer is left out. */
    public static List<WwwAuthenticate> challengesOf(RtspResponse response) {
        List<WwwAuthenticate> parsed = new ArrayList<>();
        for (String value : response.headers().getAll(WwwAuthenticate.HEADER)) {
            try {
                parsed.add(WwwAuthenticate.parse(value));
            } catch (HeaderParseException unknown) {
                // A scheme or algorithm this client cannot answer; another challenge may do.
            }
        }
        return parsed;
    }

    /** The strongest challenge this client can answer, if any. */
    public static Optional<WwwAuthenticate> strongest(List<WwwAuthenticate> challenges) {
        return challenges.stream().max(Comparator.comparingInt(ClientAuthenticator::strength));
    }

    private static int strength(WwwAuthenticate challenge) {
        if (challenge.scheme() == AuthScheme.BASIC) {
            return 0;
        }
        return challenge.algorithm() != null && challenge.algorithm().sha256() ? 2 : 1;
    }

    /** The Authorization answering the strongest of {@code challenges} for this request. */
    public synchronized Authorization answer(List<WwwAuthenticate> challenges, String method, String uri) {
        WwwAuthenticate challenge = strongest(challenges)
                .orElseThrow(() -> new IllegalArgumentException("no challenge to answer"));
        if (challenge.scheme() == AuthScheme.BASIC) {
            return new BasicAuthorization(user, password);
        }
        DigestAlgorithm algorithm = challenge.algorithm() == null ? DigestAlgorithm.MD5 : challenge.algorithm();
        boolean qopAuth = challenge.qop() != null && List.of(challenge.qop().split("\\s*,\\s*")).contains("auth");
        if (!challenge.nonce().equals(lastNonce)) {
            lastNonce = challenge.nonce();
            nonceCount = 0;
        }
        Long nc = qopAuth ? ++nonceCount : null;
        String cnonce = qopAuth || algorithm.session() ? cnonces.get() : null;
        String response = response(algorithm, challenge.realm(), challenge.nonce(), nc, cnonce, method, uri);
        return new DigestAuthorization(user, challenge.realm(), challenge.nonce(), uri, response, algorithm,
                qopAuth ? "auth" : null, nc, cnonce, challenge.opaque(), false);
    }

    /** RFC 7616 §3.4.1: the request-digest, with HA1 of §3.4.2 and HA2 of §3.4.3 (qop=auth). */
    String response(DigestAlgorithm algorithm, String realm, String nonce, Long nc, String cnonce, String method,
                    String uri) {
        String ha1 = hash(algorithm, user + ":" + realm + ":" + password);
        if (algorithm.session()) {
            ha1 = hash(algorithm, ha1 + ":" + nonce + ":" + cnonce);
        }
        String ha2 = hash(algorithm, method + ":" + uri);
        if (nc == null) {
            return hash(algorithm, ha1 + ":" + nonce + ":" + ha2);
        }
        return hash(algorithm, ha1 + ":" + nonce + ":" + String.format("%08x", nc) + ":" + cnonce + ":auth:" + ha2);
    }

    private static String hash(DigestAlgorithm algorithm, String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm.javaName());
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5 and SHA-256", e);
        }
    }
}
