package org.tributary.rtsp.header;

import java.util.Locale;
import java.util.Objects;

/**
 * {@code Authorization: Digest ...} (RFC 7616 §3.4, RFC 2617 §3.2.2).
 *
 * @param username  user name (or its hash when {@code userhash} is true)
 * @param realm     realm from the challenge
 * @param nonce     server nonce
 * @param uri       the request URI the client hashed
 * @param response  the hex digest the server recomputes
 * @param algorithm the algorithm; MD5 when the parameter was absent
 * @param qop       quality of protection ("auth"), or null (RFC 2069 style)
 * @param nc        nonce count (sent as 8 hex digits), or null
 * @param cnonce    client nonce, or null
 * @param opaque    opaque value echoed from the challenge, or null
 * @param userhash  whether {@code username} is hashed
 */
public record DigestAuthorization(String username, String realm, String nonce, String uri, String response,
                                  DigestAlgorithm algorithm, String qop, Long nc, String cnonce, String opaque,
                                  boolean userhash) implements Authorization {

    public DigestAuthorization {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(algorithm, "algorithm");
    }

    static DigestAuthorization parseParams(String text) {
        AuthParams p = AuthParams.parse(HEADER, text);
        String algorithm = p.optional("algorithm");
        String nc = p.optional("nc");
        Boolean userhash = p.flag("userhash");
        String qop = p.optional("qop");
        if (qop != null && (nc == null || p.optional("cnonce") == null)) {
            throw new HeaderParseException(HEADER, "qop without nc and cnonce");
        }
        return new DigestAuthorization(
                p.required("username"),
                p.required("realm"),
                p.required("nonce"),
                p.required("uri"),
                p.required("response"),
                algorithm == null ? DigestAlgorithm.MD5 : DigestAlgorithm.parse(HEADER, algorithm),
                qop,
                nc == null ? null : HeaderParams.hex(HEADER, "nc", nc, 8),
                p.optional("cnonce"),
                p.optional("opaque"),
                Boolean.TRUE.equals(userhash));
    }

    @Override
    public AuthScheme scheme() {
        return AuthScheme.DIGEST;
    }

    /** Canonical form: quoted strings, {@code algorithm}, {@code qop} and {@code nc} as tokens. */
    @Override
    public String format() {
        StringBuilder out = new StringBuilder("Digest username=").append(HeaderParams.quote(username))
                .append(", realm=").append(HeaderParams.quote(realm))
                .append(", nonce=").append(HeaderParams.quote(nonce))
                .append(", uri=").append(HeaderParams.quote(uri))
                .append(", response=").append(HeaderParams.quote(response))
                .append(", algorithm=").append(algorithm.token());
        if (qop != null) {
            out.append(", qop=").append(qop);
        }
        if (nc != null) {
            out.append(", nc=").append(String.format(Locale.ROOT, "%08x", nc));
        }
        if (cnonce != null) {
            out.append(", cnonce=").append(HeaderParams.quote(cnonce));
        }
        if (opaque != null) {
            out.append(", opaque=").append(HeaderParams.quote(opaque));
        }
        if (userhash) {
            out.append(", userhash=true");
        }
        return out.toString();
    }
}
