package org.tributary.server;

import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspStatus;
import org.tributary.source.MediaSource;

import java.nio.charset.StandardCharsets;

/** DESCRIBE: the SDP of a presentation (RFC 2326 §10.2), with the Content-Base its tracks are set up under. */
final class DescribeHandler implements MethodHandler {

    private final PathResolver paths;
    private final MulticastSetup multicast;
    private final RtxOffer rtx;

    /**
     * @param multicast names the group in the SDP of a multicast-only path
     * @param rtx       the retransmission offered in the SDP
     */
    DescribeHandler(PathResolver paths, MulticastSetup multicast, RtxOffer rtx) {
        this.paths = paths;
        this.multicast = multicast;
        this.rtx = rtx;
    }

    @Override
    public Reply handle(MethodContext context) throws RefusedException {
        Target target = context.target();
        if (target.track() != -1) {
            throw new RefusedException(RtspStatus.NOT_FOUND, "DESCRIBE names a track of " + target.presentation()
                    + ", not a presentation");
        }
        MediaSource source = paths.source(target);
        RtspRequest request = context.request();
        String serverAddress = context.connection().localAddress().getAddress().getHostAddress();
        byte[] sdp = SdpBuilder.describe(source, serverAddress, multicast.describedGroup(source, target.presentation()),
                rtx.offeredTo(request.header("User-Agent"))).getBytes(StandardCharsets.UTF_8);
        String base = request.uri().endsWith("/") ? request.uri() : request.uri() + "/";
        return Reply.of(Refusals.answer(RtspStatus.OK, context.cseq()).header("Content-Base", base)
                .header("Cache-Control", "must-revalidate").body("application/sdp", sdp));
    }
}
