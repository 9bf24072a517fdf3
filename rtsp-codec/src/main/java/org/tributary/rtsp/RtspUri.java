package org.tributary.rtsp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the path out of a Request-URI: an absolute URI of the protocol's own schemes
 * ({@code rtsp://host:port/a/b.mp4}) or an absolute path ({@code /a/b.mp4}). Anything else (another
 * scheme, a relative reference) is malformed, so a request is never served under a name it did not mean.
 */
public final class RtspUri {

    private RtspUri() {
    }

    private static final Set<String> RTSP_SCHEMES = Set.of("rtsp", "rtspu", "rtsps");
    private static final Set<String> HTTP_SCHEMES = Set.of("http", "https");

    /**
     * The decoded path of an RTSP Request-URI without its leading slash ("" for the root or {@code *}).
     *
     * @throws IllegalArgumentException when the URI cannot be parsed or is not an rtsp URI or absolute path
     */
    public static String path(String requestUri) {
        return path(requestUri, RTSP_SCHEMES);
    }

    /** The same for an HTTP request line ({@code http://host/a.mp3}, as proxies send it, or {@code /a.mp3}). */
    public static String httpPath(String requestUri) {
        return path(requestUri, HTTP_SCHEMES);
    }

    private static String path(String requestUri, Set<String> schemes) {
        if ("*".equals(requestUri)) {
            return "";
        }
        try {
            URI uri = new URI(requestUri);
            String scheme = uri.getScheme();
            if (scheme == null ? !requestUri.startsWith("/")
                    : !schemes.contains(scheme.toLowerCase(Locale.ROOT)) || uri.isOpaque()) {
                throw new IllegalArgumentException("Request-URI is neither an absolute path nor a "
                        + String.join("/", schemes.stream().sorted().toList()) + " URI");
            }
            String path = uri.getPath();
            if (path == null) {
                throw new IllegalArgumentException("Request-URI has no path");
            }
            while (path.startsWith("/")) {
                path = path.substring(1);
            }
            return path;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed Request-URI: " + e.getMessage(), e);
        }
    }
}
