package org.tributary.hls;

import org.tributary.api.access.AccessRequest;
import org.tributary.auth.Verdict;

/** The access question HLS asks for requests without a token: the adapter's AccessGuard, as RTSP does. */
@FunctionalInterface
public interface HlsAccess {

    /** @param requestUri the request's URI, which a Digest answer must name */
    Verdict check(AccessRequest request, String requestUri);
}
