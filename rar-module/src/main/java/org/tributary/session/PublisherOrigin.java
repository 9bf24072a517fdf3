package org.tributary.session;

import java.net.InetSocketAddress;

/**
 * Who publishes: the client, the user its credentials proved (null without), its User-Agent, the request
 * URI of its ANNOUNCE, the control connection that owns the session (closing it ends the broadcast), and how
 * to close that connection when the server ends the broadcast, so that the encoder notices.
 */
public record PublisherOrigin(InetSocketAddress client, String userName, String userAgent, String requestUri,
                              InetSocketAddress serverAddress, Object owner, Runnable disconnect) {
}
