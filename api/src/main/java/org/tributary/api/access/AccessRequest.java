package org.tributary.api.access;

import java.io.Serializable;

/**
 * One protocol-neutral question: may this client do this to this path?
 *
 * @param protocol      "rtsp", "rtsps" (RTSP over TLS), "rtsp-http" or "http"
 * @param action        read or write
 * @param path          the media path requested, normalized, without leading slash
 * @param clientAddress the client's IP address as text
 * @param userAgent     the client's User-Agent, or null
 * @param credentials   what the client sent in its Authorization header, or null
 */
public record AccessRequest(String protocol,
                            AccessAction action,
                            String path,
                            String clientAddress,
                            String userAgent,
                            Credentials credentials) implements Serializable {

    /** A request without credentials. */
    public AccessRequest(String protocol, AccessAction action, String path, String clientAddress, String userAgent) {
        this(protocol, action, path, clientAddress, userAgent, null);
    }

    /** The claimed user name, or null for an anonymous request. */
    public String user() {
        return credentials == null ? null : credentials.user();
    }
}
