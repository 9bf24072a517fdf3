/**
 * The RTSP protocol edge, split by lifetime: {@link org.tributary.server.RtspServer} (the listening socket
 * and its selector loop), {@link org.tributary.server.RtspConnection} (one TCP connection: bytes in,
 * requests answered in order, bytes out, timeouts on an injected clock), and the request handling.
 * {@link org.tributary.server.RtspMethodHandler} is the dispatcher: it checks what every request carries,
 * resolves the path ({@code PathResolver}, the one place a path becomes a presentation and a source), asks
 * the access guard, and hands a {@code MethodContext} to the handler of the method's family (options,
 * describe, setup with its transport negotiation, playback, record, parameters); handlers never call each
 * other. A handler returns a {@link org.tributary.server.Reply} (the response, what to do once it is sent,
 * how long it is held back) or throws a {@link org.tributary.server.RefusedException}; every refusal, of
 * RTSP, the HTTP tunnel, MP3 over HTTP or a connection over the limit, becomes its status, body and log
 * line in {@link org.tributary.server.Refusals}. Sockets and threads come from the resource adapter;
 * nothing here waits on a database.
 */
package org.tributary.server;
