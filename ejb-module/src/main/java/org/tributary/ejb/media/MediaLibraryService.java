package org.tributary.ejb.media;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.tributary.api.MediaFileInfo;
import org.tributary.ejb.adapter.AdapterClient;
import org.tributary.ejb.adapter.AdapterOfflineException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * The media library as the adapter's catalogue sees it (the adapter's own {@link MediaFileInfo} values, which
 * are serializable records of the api jar), and the rtsp:// URLs players open.
 */
@Stateless
public class MediaLibraryService {

    @EJB
    private AdapterClient adapter;

    /** Every file under the media root, sorted by path. */
    public List<MediaFileInfo> entries() {
        try {
            return adapter.mediaCatalogue();
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new AdapterOfflineException(e.getMessage(), e);
        }
    }

    /** The entry for one path, or null when the catalogue has no such file. */
    public MediaFileInfo entry(String path) {
        return entries().stream().filter(e -> e.path().equals(path)).findFirst().orElse(null);
    }

    /**
     * The URL a player opens for this entry on {@code host} (as the browser reached the console), on the
     * RTSP port the adapter listens on now.
     */
    public String rtspUrl(MediaFileInfo entry, String host) {
        return rtspUrl(entry.path(), host);
    }

    /** The RTSP URL of any path the server serves (a file, a live stream), for {@code host}. */
    public String rtspUrl(String path, String host) {
        return rtspUrl(host, rtspPort(), path);
    }

    /** Every entry with its URL, asking the adapter for its port once. */
    public java.util.Map<MediaFileInfo, String> entriesWithUrls(String host) {
        int port = rtspPort();
        java.util.Map<MediaFileInfo, String> out = new java.util.LinkedHashMap<>();
        for (MediaFileInfo entry : entries()) {
            out.put(entry, rtspUrl(host, port, entry.path()));
        }
        return out;
    }

    private int rtspPort() {
        try {
            return adapter.status().rtspPort();
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new AdapterOfflineException(e.getMessage(), e);
        }
    }

    /** rtsp://host:port/path with the path's characters escaped as a URI needs. */
    static String rtspUrl(String host, int port, String path) {
        String h = host == null || host.isBlank() ? "localhost" : host.trim();
        try {
            // The URI constructor brackets an IPv6 literal and escapes the path.
            return new URI("rtsp", null, h, port, "/" + path, null, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a host name: " + host, e);
        }
    }
}
