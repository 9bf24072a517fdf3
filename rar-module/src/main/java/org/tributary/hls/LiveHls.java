package org.tributary.hls;

import org.tributary.api.HlsReply;
import org.tributary.catalog.CanonicalPath;

/**
 * HLS for the live streams: plugged into {@link HlsService} from above (the packagers read streams, which live
 * in a layer over this one). The service decides access and counts viewings for files and streams alike.
 */
public interface LiveHls {

    /**
     * The resource ("index.m3u8", "media.m3u8", "init.mp4", "seg&lt;N&gt;.m4s") of the live stream at the path, or
     * null when no stream is there and none can be started (the path is a file's).
     */
    HlsReply resource(CanonicalPath canonical, String name);
}
