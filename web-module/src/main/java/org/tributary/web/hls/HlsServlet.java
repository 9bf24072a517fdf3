package org.tributary.web.hls;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.tributary.api.HlsReply;
import org.tributary.api.HlsRequest;
import org.tributary.api.settings.CorsOrigin;
import org.tributary.ejb.adapter.AdapterClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /tributary/hls/<path>/<resource>}: the adapter answers (access, bytes, refusals with their
 * message); this adds the HTTP: Cache-Control (VOD segments for a day, playlists a minute, private when access
 * was checked; a live stream's playlists and init segment not at all, its segments a minute), byte ranges on the init and media segments, CORS when configured, the token carried on in
 * playlists, playlists gzipped for clients that accept it. Refusals are plain text with their status (no HTML error page).
 */
@WebServlet(urlPatterns = "/hls/*")
public class HlsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String SEGMENT_CACHE = "max-age=86400";
    static final String PLAYLIST_CACHE = "max-age=60";
    static final String LIVE_PLAYLIST_CACHE = "no-cache";
    static final String LIVE_SEGMENT_CACHE = "max-age=60";

    @EJB
    private transient AdapterClient adapter;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo();
        int slash = info == null ? -1 : info.lastIndexOf('/');
        if (slash <= 0) {
            refuse(response, HlsReply.refused(404, "an HLS URL is /tributary/hls/<path of a file>/index.m3u8"));
            return;
        }
        String token = request.getParameter("token");
        String query = request.getQueryString();
        HlsRequest hls = new HlsRequest(info.substring(1, slash), info.substring(slash + 1), token,
                request.getRemoteAddr(), request.getHeader("User-Agent"), request.getHeader("Authorization"),
                request.getRequestURI() + (query == null ? "" : "?" + query));
        HlsReply reply;
        try {
            reply = adapter.hls(hls);
        } catch (AdapterClient.AdapterUnavailableException e) {
            refuse(response, HlsReply.refused(503, e.getMessage()));
            return;
        }
        if (reply.allowOrigin() != null) {
            response.setHeader("Access-Control-Allow-Origin", reply.allowOrigin());
            response.setHeader("Access-Control-Expose-Headers", "Content-Length, Content-Range");
            response.addHeader("Vary", "Origin");
        }
        if (!reply.ok()) {
            refuse(response, reply);
            return;
        }
        boolean personal = token != null || request.getHeader("Authorization") != null;
        if (reply.contentType().equals(HlsReply.PLAYLIST_TYPE)) {
            String text = new String(reply.body(), StandardCharsets.UTF_8);
            byte[] body = (token == null ? text : PlaylistTokens.carry(text, token)).getBytes(StandardCharsets.UTF_8);
            response.setHeader("Cache-Control", (personal ? "private, " : "")
                    + (reply.live() ? LIVE_PLAYLIST_CACHE : PLAYLIST_CACHE));
            response.addHeader("Vary", "Accept-Encoding");
            if (AcceptEncoding.gzip(request.getHeader("Accept-Encoding"))) {
                body = gzipped(body);
                response.setHeader("Content-Encoding", "gzip");
            }
            send(response, reply.contentType(), body, 0, body.length);
            return;
        }
        String cache = !reply.live() ? SEGMENT_CACHE
                : reply.contentType().equals(HlsReply.INIT_TYPE) ? LIVE_PLAYLIST_CACHE : LIVE_SEGMENT_CACHE;
        response.setHeader("Cache-Control", (personal ? "private, " : "") + cache);
        response.setHeader("Accept-Ranges", "bytes");
        byte[] body = reply.body();
        ByteRange range;
        try {
            range = ByteRange.parse(request.getHeader("Range"), body.length);
        } catch (ByteRange.UnsatisfiableException e) {
            response.setHeader("Content-Range", "bytes */" + body.length);
            refuse(response, HlsReply.refused(416, e.getMessage()));
            return;
        }
        if (range == null) {
            send(response, reply.contentType(), body, 0, body.length);
        } else {
            response.setStatus(206);
            response.setHeader("Content-Range", range.contentRange(body.length));
            send(response, reply.contentType(), body, (int) range.first(), (int) range.length());
        }
    }

    /**
     * A CORS preflight (a player on another site asking before a GET with {@code Range} or {@code Authorization}):
     * 204 with the allowed origin ({@code hlsCorsOrigin}), methods and headers, cached for 10 minutes; without
     * a configured origin, 204 with {@code Allow} only, so the browser refuses the cross-site request.
     */
    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "GET, HEAD, OPTIONS");
        String allowed;
        try {
            allowed = CorsOrigin.parse(adapter.settings().running().text("hlsCorsOrigin"));
        } catch (AdapterClient.AdapterUnavailableException | IllegalArgumentException e) {
            allowed = null;
        }
        if (allowed != null && request.getHeader("Origin") != null) {
            response.setHeader("Access-Control-Allow-Origin", allowed);
            response.addHeader("Vary", "Origin");
            response.setHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
            response.setHeader("Access-Control-Allow-Headers", "Range, Authorization");
            response.setHeader("Access-Control-Max-Age", "600");
        }
        response.setStatus(204);
    }

    /** Playlists shrink to a fifth or less: a VOD playlist of a long film runs to hundreds of lines. */
    private static byte[] gzipped(byte[] body) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length / 3 + 64);
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(out)) {
            gzip.write(body);
        }
        return out.toByteArray();
    }

    private static void refuse(HttpServletResponse response, HlsReply reply) throws IOException {
        response.setStatus(reply.status());
        reply.authenticate().forEach(challenge -> response.addHeader("WWW-Authenticate", challenge));
        response.setHeader("Cache-Control", "no-store");
        send(response, reply.contentType(), reply.body(), 0, reply.body().length);
    }

    private static void send(HttpServletResponse response, String type, byte[] body, int offset, int length)
            throws IOException {
        response.setContentType(type);
        response.setContentLength(length);
        response.getOutputStream().write(body, offset, length);
    }
}
