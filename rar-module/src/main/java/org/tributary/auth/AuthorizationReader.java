package org.tributary.auth;

import org.tributary.rtsp.header.AuthScheme;
import org.tributary.api.access.Credentials;
import org.tributary.rtsp.header.Authorization;
import org.tributary.rtsp.header.BasicAuthorization;
import org.tributary.rtsp.header.DigestAuthorization;
import org.tributary.rtsp.header.HeaderParseException;

import java.util.Locale;

/** Turns an {@code Authorization} header into the {@link Credentials} of an access request. */
public final class AuthorizationReader {

    private AuthorizationReader() {
    }

    /**
     * @param header the header value, or null
     * @param method the request method Digest hashes
     * @return null without a header
     * @throws HeaderParseException for a header that cannot be parsed (400); its message describes the
     *         header without quoting it, since the header may carry a password
     */
    public static Credentials read(String header, String method) {
        if (header == null) {
            return null;
        }
        Authorization authorization;
        try {
            authorization = Authorization.parse(header);
        } catch (RuntimeException e) {
            // The parser quotes what it could not read; that text must reach no log line and no record.
            throw new HeaderParseException(Authorization.HEADER, "malformed " + schemeOf(header) + " credentials ("
                    + header.length() + " characters; not logged)");
        }
        if (authorization instanceof BasicAuthorization basic) {
            return Credentials.basic(basic.username(), basic.password());
        }
        DigestAuthorization d = (DigestAuthorization) authorization;
        // The nonce count is hashed as sent: 8 hex digits, which every client writes in lower case.
        String nc = d.nc() == null ? null : String.format(Locale.ROOT, "%08x", d.nc());
        return new Credentials(AuthScheme.DIGEST, d.username(), null, d.realm(), d.nonce(), d.uri(), d.response(),
                d.algorithm().token(), d.qop(), nc, d.cnonce(), method);
    }

    /** "Basic", "Digest" or "unknown-scheme": never the header's own text. */
    static String schemeOf(String header) {
        String h = header.stripLeading().toLowerCase(Locale.ROOT);
        return h.startsWith("basic") ? "Basic" : h.startsWith("digest") ? "Digest" : "unknown-scheme";
    }
}
