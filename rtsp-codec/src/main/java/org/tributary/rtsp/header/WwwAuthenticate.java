package org.tributary.rtsp.header;

import java.util.Objects;

/**
 * One challenge of a WWW-Authenticate header (RFC 7617 Basic, RFC 7616 §3.3 Digest). A server offering
 * several challenges sends one header line per challenge, each written by {@link #format()}.
 *
 * @param scheme    Basic or Digest
 * @param realm     protection space shown to the user
 * @param nonce     Digest nonce (null for Basic)
 * @param opaque    Digest opaque, or null
 * @param algorithm Digest algorithm; null omits the parameter (meaning MD5, which old RTSP clients expect)
 * @param qop       Digest qop options such as "auth", or null
 * @param stale     Digest stale flag, or null to omit
 * @param charset   "UTF-8" or null
 * @param userhash  Digest userhash support, or null to omit
 */
public record WwwAuthenticate(AuthScheme scheme, String realm, String nonce, String opaque,
                              DigestAlgorithm algorithm, String qop, Boolean stale, String charset,
                              Boolean userhash) {

    public static final String HEADER = "WWW-Authenticate";

    public WwwAuthenticate {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(realm, "realm");
        if (scheme == AuthScheme.DIGEST) {
            Objects.requireNonNull(nonce, "nonce");
        }
    }

    public static WwwAuthenticate basic(String realm) {
        return new WwwAuthenticate(AuthScheme.BASIC, realm, null, null, null, null, null, null, null);
    }

    /** A Digest challenge with {@code qop="auth"}. */
    public static WwwAuthenticate digest(String realm, String nonce, String opaque, DigestAlgorithm algorithm,
                                         boolean stale) {
        return new WwwAuthenticate(AuthScheme.DIGEST, realm, nonce, opaque, algorithm, "auth",
                stale ? Boolean.TRUE : null, null, null);
    }

    public static WwwAuthenticate parse(String value) {
        String[] parts = AuthParams.schemeAndRest(HEADER, value);
        AuthScheme scheme = AuthScheme.parse(HEADER, parts[0]);
        AuthParams p = AuthParams.parse(HEADER, parts[1]);
        String algorithm = p.optional("algorithm");
        if (scheme == AuthScheme.BASIC) {
            return new WwwAuthenticate(scheme, p.required("realm"), null, null, null, null, null,
                    p.optional("charset"), null);
        }
        return new WwwAuthenticate(scheme, p.required("realm"), p.required("nonce"), p.optional("opaque"),
                algorithm == null ? null : DigestAlgorithm.parse(HEADER, algorithm), p.optional("qop"),
                p.flag("stale"), p.optional("charset"), p.flag("userhash"));
    }

    /** {@code Digest realm="r", nonce="n", opaque="o", algorithm=MD5, qop="auth", stale=true}. */
    public String format() {
        StringBuilder out = new StringBuilder(scheme.token()).append(" realm=").append(HeaderParams.quote(realm));
        if (nonce != null) {
            out.append(", nonce=").append(HeaderParams.quote(nonce));
        }
        if (opaque != null) {
            out.append(", opaque=").append(HeaderParams.quote(opaque));
        }
        if (algorithm != null) {
            out.append(", algorithm=").append(algorithm.token());
        }
        if (qop != null) {
            out.append(", qop=").append(HeaderParams.quote(qop));
        }
        if (stale != null) {
            out.append(", stale=").append(stale);
        }
        if (charset != null) {
            out.append(", charset=").append(HeaderParams.quote(charset));
        }
        if (userhash != null) {
            out.append(", userhash=").append(userhash);
        }
        return out.toString();
    }
}
