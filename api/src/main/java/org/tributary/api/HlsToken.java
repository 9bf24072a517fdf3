package org.tributary.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * A signed, expiring grant to play one file over HLS without credentials: the playlist URL carries it as
 * {@code ?token=...} and the playlists carry it on to the segments.
 *
 * @param path      the canonical media path it is good for
 * @param token     the query parameter's value
 * @param expiresAt when it stops working
 */
public record HlsToken(String path, String token, Instant expiresAt) implements Serializable {
}
