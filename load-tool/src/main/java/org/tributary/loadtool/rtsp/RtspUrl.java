package org.tributary.loadtool.rtsp;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * An {@code rtsp://[user[:password]@]host[:port]/path} URL. The credentials are split off: requests
 * carry {@link #requestUri()}, which never contains them.
 */
public final class RtspUrl {
    public static final int DEFAULT_PORT = 554;

    private final String host;
    private final int port;
    private final String pathAndQuery;
    private final String user;
    private final String password;

    private RtspUrl(String host, int port, String pathAndQuery, String user, String password) {
        this.host = host;
        this.port = port;
        this.pathAndQuery = pathAndQuery;
        this.user = user;
        this.password = password;
    }

    public static RtspUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + text, e);
        }
        if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("rtsp")) {
            throw new IllegalArgumentException("not an rtsp:// URL: " + text);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("no host in URL: " + text);
        }
        String user = null;
        String password = null;
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? "" : decode(info.substring(colon + 1));
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path = path + "?" + uri.getRawQuery();
        }
        return new RtspUrl(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), path, user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The URL without credentials, as sent on request lines. */
    public String requestUri() {
        return "rtsp://" + hostForUri() + ":" + port + pathAndQuery;
    }

    /** The path and query alone, as on an HTTP request line (an RTSP-over-HTTP tunnel's GET and POST). */
    public String path() {
        return pathAndQuery;
    }

    /** {@code host:port} as in an HTTP Host header. */
    public String hostAndPort() {
        return hostForUri() + ":" + port;
    }

    private String hostForUri() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /**
     * Resolves an SDP {@code a=control} value against a base URL (Content-Base, Content-Location or
     * the request URL): absolute URLs stand, {@code *} is the base itself, others are appended.
     */
    public static String resolveControl(String base, String control) {
        if (control == null || control.isEmpty() || control.equals("*")) {
            return base;
        }
        if (control.regionMatches(true, 0, "rtsp://", 0, 7) || control.regionMatches(true, 0, "rtsps://", 0, 8)) {
            return control;
        }
        if (control.startsWith("/")) {
            URI b = URI.create(base);
            return b.getScheme() + "://" + b.getRawAuthority() + control;
        }
        return base.endsWith("/") ? base + control : base + "/" + control;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean hasCredentials() {
        return user != null;
    }

    @Override
    public String toString() {
        return requestUri();
    }
}
