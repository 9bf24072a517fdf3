package org.tributary.it.support;

import org.tributary.rtsp.client.ClientAuthenticator;
import org.tributary.rtsp.header.WwwAuthenticate;

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

    /** The "Authorization: Digest ..." header line answering {@code challenge} for this method and URI (the codec's client). */
    public static String authorization(String challenge, String method, String uri, String user, String password) {
        String cnonce = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        ClientAuthenticator client = new ClientAuthenticator(user, password, () -> cnonce);
        return "Authorization: " + client.answer(List.of(WwwAuthenticate.parse(challenge)), method, uri).format();
    }
}
