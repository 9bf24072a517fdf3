package org.tributary.it.support;

import org.tributary.rtsp.header.AuthScheme;
import org.tributary.api.access.Credentials;
import org.tributary.rtsp.header.DigestAlgorithm;
import org.tributary.api.access.DigestMath;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Answers a Digest challenge the way a client does (RFC 7616, qop=auth), for raw-socket tests. */
public final class DigestAuth {

    private static final Pattern PARAM = Pattern.compile("([A-Za-z-]+)=(\"([^\"]*)\"|[^,\\s]+)");

    private DigestAuth() {
    }

    /** The challenge among {@code challenges} with this algorithm token (e.g. "SHA-256"). */
    public static String challenge(List<String> challenges, String algorithm) {
        return challenges.stream().filter(c -> c.startsWith("Digest ") && algorithm.equals(params(c).get("algorithm")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + algorithm + " challenge in " + challenges));
    }

    /** The parameters of one WWW-Authenticate value, quotes removed. */
    public static Map<String, String> params(String challenge) {
        Map<String, String> params = new HashMap<>();
        Matcher m = PARAM.matcher(challenge);
        while (m.find()) {
            params.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(3) != null ? m.group(3) : m.group(2));
        }
        return params;
    }

    /** The "Authorization: Digest ..." header line answering {@code challenge} for this method and URI. */
    public static String authorization(String challenge, String method, String uri, String user, String password) {
        Map<String, String> p = params(challenge);
        String algorithm = p.getOrDefault("algorithm", "MD5");
        DigestAlgorithm name = DigestAlgorithm.ofToken(algorithm);
        String realm = p.get("realm");
        String nonce = p.get("nonce");
        String cnonce = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        String nc = "00000001";
        Credentials c = new Credentials(AuthScheme.DIGEST, user, null, realm, nonce, uri, null, algorithm, "auth", nc,
                cnonce, method);
        String response = DigestMath.expectedResponse(c, name, DigestMath.ha1(name, user, realm, password));
        return "Authorization: Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\""
                + uri + "\", response=\"" + response + "\", algorithm=" + algorithm + ", qop=auth, nc=" + nc
                + ", cnonce=\"" + cnonce + "\"";
    }
}
