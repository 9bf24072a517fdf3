/**
 * The stream level between sources and sessions: a {@link org.tributary.stream.Stream} is one source
 * read once (a live push, a relay, a playlist channel) and fanned out to many
 * {@link org.tributary.stream.StreamReader}s, none of which can hold up its writer; the
 * {@link org.tributary.stream.PathRegistry} is the one place a request path is resolved, to a file read
 * per session or to a running stream that is shared.
 */
package org.tributary.stream;
