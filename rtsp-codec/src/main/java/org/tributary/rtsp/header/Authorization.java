package org.tributary.rtsp.header;

/**
 * The Authorization request header: {@link BasicAuthorization} or {@link DigestAuthorization}.
 * The scheme name and parameter names are matched case-insensitively.
 */
public sealed interface Authorization permits BasicAuthorization, DigestAuthorization {

    String HEADER = "Authorization";

    AuthScheme scheme();

    String username();

    String format();

    static Authorization parse(String value) {
        String[] parts = AuthParams.schemeAndRest(HEADER, value);
        if (parts[1].isEmpty()) {
            throw new HeaderParseException(HEADER, "missing credentials after '" + parts[0] + "'");
        }
        return switch (AuthScheme.parse(HEADER, parts[0])) {
            case BASIC -> BasicAuthorization.parseCredentials(parts[1]);
            case DIGEST -> DigestAuthorization.parseParams(parts[1]);
        };
    }
}
