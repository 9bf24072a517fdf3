package org.tributary.hls;

import org.tributary.api.HlsReply;
import org.tributary.catalog.CanonicalPath;

/**
 * HLS for the live streams: plugged into {@link HlsService} from above (the packagers read streams, which live
 * in a layer over this one). The service decides access and counts viewings for files and streams alike.
 */
public interface LiveHls {

    /**
     * The resource ("index.m3u8", "media.m3u8", "init.mp4", "seg&lt;N&gt;.m4s", "part&lt;N&gt;.&lt;i&gt;.m4s") of the
     * live stream at the path, or null when no stream is there and none can be started (the path is a file's).
     *
     * @param query the request's query (a blocking playlist reload's {@code _HLS_msn}, {@code _HLS_part}), or null
     */
    HlsReply resource(CanonicalPath canonical, String name, String query);
}
