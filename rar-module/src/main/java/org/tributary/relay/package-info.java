/**
 * Relays: a pull relay reads a live stream from another RTSP server (DESCRIBE, SETUP, PLAY) and serves it at a
 * path of this server as a {@code stream.Stream}; a push relay announces the live stream at a path of this server
 * to another server (ANNOUNCE, SETUP mode=record, RECORD). Always on, or (pull) started by the first viewer and
 * stopped after a linger; reconnected with backoff after a loss. {@code Relays} is the registry and the
 * {@code PathRegistry}'s on-demand provider.
 */
package org.tributary.relay;
