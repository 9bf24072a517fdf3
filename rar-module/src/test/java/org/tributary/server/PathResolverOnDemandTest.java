package org.tributary.server;

import org.junit.jupiter.api.Test;
import org.tributary.catalog.MediaCatalog;
import org.tributary.rtsp.RtspStatus;
import org.tributary.stream.PathRegistry;
import org.tributary.stream.StreamUnavailableException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A path whose on-demand source did not publish is answered 503 with the reason; others are asked nothing new. */
class PathResolverOnDemandTest {

    private final PathRegistry paths;
    private final List<String> asked = new ArrayList<>();

    PathResolverOnDemandTest() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "path-resolver-on-demand-test", "live")).getParent();
        paths = new PathRegistry(new MediaCatalog(root.toAbsolutePath()));
        paths.onDemand(canonical -> {
            asked.add(canonical.path());
            if (canonical.path().equals("live/pattern.sdp")) {
                throw new StreamUnavailableException("the local broadcaster pattern did not publish /live/pattern.sdp"
                        + " within 15 s (starting)");
            }
            return null;
        });
    }

    @Test
    void anUnavailableOnDemandSourceIs503WithItsReasonInTheBody() throws Exception {
        PathResolver resolver = new PathResolver(paths);
        Refusal refusal = assertThrows(RefusedException.class,
                () -> resolver.source(resolver.target("rtsp://127.0.0.1/live/pattern.sdp"))).refusal();
        assertEquals(RtspStatus.SERVICE_UNAVAILABLE, refusal.status());
        assertEquals("the local broadcaster pattern did not publish /live/pattern.sdp within 15 s (starting)",
                refusal.clientMessage());
        assertEquals(List.of("live/pattern.sdp"), asked);
    }

    @Test
    void aPathWithNothingDefinedIsStill404() throws Exception {
        PathResolver resolver = new PathResolver(paths);
        Refusal refusal = assertThrows(RefusedException.class,
                () -> resolver.source(resolver.target("rtsp://127.0.0.1/live/none.sdp"))).refusal();
        assertEquals(RtspStatus.NOT_FOUND, refusal.status());
    }
}
