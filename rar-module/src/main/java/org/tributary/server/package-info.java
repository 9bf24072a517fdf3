/**
 * The RTSP server, split by lifetime: {@link org.tributary.server.RtspServer} (the listening socket and
 * its selector loop), {@link org.tributary.server.RtspConnection} (one TCP connection), and the request
 * handling that answers each method. Sockets and threads come from the resource adapter; nothing here
 * waits on a database.
 */
package org.tributary.server;
