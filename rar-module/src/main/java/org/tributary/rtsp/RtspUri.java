package org.tributary.rtsp;

import java.net.URI;
import java.net.URISyntaxException;

/** Reads the path out of a Request-URI ({@code rtsp://host:port/a/b.mp4} or {@code /a/b.mp4}). */
public final class RtspUri {

    private RtspUri() {
    }

    /**
     * The decoded path without its leading slash ("" for the root or {@code *}).
     *
     * @throws IllegalArgumentException when the URI cannot be parsed
     */
    public static String path(String requestUri) {
        if ("*".equals(requestUri)) {
            return "";
        }
        try {
            URI uri = new URI(requestUri);
            String path = uri.getPath();
            if (path == null) {
                throw new IllegalArgumentException("Request-URI has no path: " + requestUri);
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
