package org.tributary.server;

import org.tributary.rtsp.RtspMethod;
import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspResponse;
import org.tributary.rtsp.RtspStatus;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * RTSP over HTTP as QuickTime does it (Apple's tunnelling note): the client opens a GET that stays open
 * for everything the server sends, and a POST whose body carries base64 requests; both carry the same
 * {@code x-sessioncookie}. The GET is answered with an HTTP 200 and kept; the POST is never answered:
 * its requests are answered through the GET.
 */
final class HttpTunnels {

    private static final Logger LOG = Logger.getLogger(HttpTunnels.class.getName());

    /**
     * Whether an HTTP request opens half of a tunnel: it carries the session cookie, or names
     * {@code application/x-rtsp-tunnelled} (Accept of the GET half, Content-Type of the POST half).
     * Anything else is a plain HTTP request.
     */
    static boolean isTunnelHalf(RtspRequest request) {
        if (request.header("x-sessioncookie") != null) {
            return true;
        }
        return tunnelled(request.header("Accept")) || tunnelled(request.header("Content-Type"));
    }

    private static boolean tunnelled(String mediaTypes) {
        return mediaTypes != null && mediaTypes.toLowerCase(java.util.Locale.ROOT).contains("application/x-rtsp-tunnelled");
    }

    Reply handle(RtspRequest request, RtspConnection connection) {
        String cookie = request.header("x-sessioncookie");
        if (cookie == null || cookie.isBlank() || cookie.length() > 128) {
            LOG.info(connection.logPrefix() + "HTTP " + request.methodToken() + " without a valid x-sessioncookie; answering 400");
            return Refusals.httpClosing(RtspStatus.BAD_REQUEST, connection::closeAfterFlush);
        }
        if (request.method() == RtspMethod.GET) {
            if (connection.server().tunnelsFull()) {
                connection.server().logThrottled(Level.WARNING, "tunnels-full", connection.logPrefix()
                        + "refusing a tunnel GET: " + connection.server().openTunnels()
                        + " tunnels are open (tributary.rtsp.max-tunnels); answering 503");
                return Refusals.httpClosing(RtspStatus.SERVICE_UNAVAILABLE, connection::closeAfterFlush);
            }
            if (!connection.server().registerTunnel(cookie, connection)) {
                LOG.info(connection.logPrefix() + "tunnel cookie already in use; answering 400");
                return Refusals.httpClosing(RtspStatus.BAD_REQUEST, connection::closeAfterFlush);
            }
            connection.tunnelCookie(cookie);
            LOG.fine(connection.logPrefix() + "tunnel GET half open");
            return Reply.of(new RtspResponse(200, "OK").asHttp().header("Cache-Control", "no-store")
                    .header("Pragma", "no-cache").header("Content-Type", "application/x-rtsp-tunnelled"));
        }
        if (request.method() == RtspMethod.POST) {
            RtspConnection getHalf = connection.server().tunnel(cookie);
            if (getHalf == null || getHalf.isClosed()) {
                LOG.info(connection.logPrefix() + "tunnel POST for an unknown cookie; closing");
                connection.closeAfterFlush();
                return Reply.NONE;
            }
            if (!getHalf.acceptTunnelPost(connection)) {
                LOG.warning(connection.logPrefix() + "tunnel POST for a cookie whose POST half is still open;"
                        + " answering 409 and closing");
                RtspResponse conflict = new RtspResponse(409, "Conflict").asHttp().header("Connection", "close");
                connection.stopReading();
                connection.send(conflict.encode());
                connection.closeAfterFlush();
                return Reply.NONE;
            }
            connection.answerThrough(getHalf);
            LOG.fine(connection.logPrefix() + "tunnel POST half joined " + getHalf.logPrefix().trim());
            return Reply.NONE;
        }
        return Refusals.httpClosing(RtspStatus.METHOD_NOT_ALLOWED, connection::closeAfterFlush);
    }
}
