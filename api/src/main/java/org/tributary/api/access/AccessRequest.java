package org.tributary.api.access;

import java.io.Serializable;

/**
 * One protocol-neutral question: may this client do this to this path?
 *
 * @param protocol      "rtsp", "rtsp-http" or "http"
 * @param action        read or write
 * @param path          the media path requested, normalized, without leading slash
 * @param clientAddress the client's IP address as text
 * @param userAgent     the client's User-Agent, or null
 */
public record AccessRequest(String protocol,
                            AccessAction action,
                            String path,
                            String clientAddress,
                            String userAgent) implements Serializable {
}
