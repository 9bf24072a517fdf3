package org.tributary.api;

import java.io.Serializable;

/**
 * An HTTP request for an HLS resource, as the web module received it.
 *
 * @param mediaPath     the file's path relative to the media folder, decoded once ("movies/a.mp4")
 * @param name          the resource: "index.m3u8", "media.m3u8", "init.mp4" or "seg&lt;N&gt;.m4s"
 * @param token         the {@code token} query parameter, or null
 * @param clientAddress the client's IP address
 * @param userAgent     its User-Agent, or null
 * @param authorization its Authorization header (Basic or Digest), or null
 * @param requestUri    the request URI as sent (what a Digest answer names)
 */
public record HlsRequest(String mediaPath, String name, String token, String clientAddress, String userAgent,
                         String authorization, String requestUri) implements Serializable {
}
