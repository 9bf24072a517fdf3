package org.tributary.web.security;

/**
 * Where a plain-HTTP request to the console or the API is sent when {@code -Dtributary.https.redirect=true}
 * (a WildFly system property, so it can be switched at run time: {@code /system-property=...}): the same path
 * and query on the HTTPS listener. The HTTPS port is {@code tributary.https.port} if set, else WildFly's
 * {@code jboss.https.port} (8443) plus the socket binding offset.
 */
public record HttpsRedirect(boolean enabled, int httpsPort) {

    public static final String ENABLED_PROPERTY = "tributary.https.redirect";
    public static final String PORT_PROPERTY = "tributary.https.port";

    /** The switch and port as the system properties say now. */
    public static HttpsRedirect fromSystemProperties() {
        Integer port = Integer.getInteger(PORT_PROPERTY);
        if (port == null) {
            port = Integer.getInteger("jboss.https.port", 8443) + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        }
        return new HttpsRedirect(Boolean.getBoolean(ENABLED_PROPERTY), port);
    }

    /**
     * The HTTPS URL to redirect to, or null when the request stays (the switch is off, or it came over TLS).
     *
     * @param host the request's host name without its port
     * @param uri  the request URI as sent (path, already encoded)
     * @param query the query string, or null
     */
    public String target(boolean secure, String host, String uri, String query) {
        if (!enabled || secure) {
            return null;
        }
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host; // IPv6 literal
        return "https://" + hostPart + (httpsPort == 443 ? "" : ":" + httpsPort) + uri
                + (query == null || query.isEmpty() ? "" : "?" + query);
    }
}
