package org.tributary;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** No package of the adapter imports a package above it, nor a sibling of its own layer. */
class LayeringTest {

    /** The adapter's packages from the bottom (the api jar) to the top (the resource adapter itself). */
    static final List<List<String>> LAYERS = List.of(
            List.of("api.**"),
            List.of("rtsp"),
            List.of("rtsp.header"),
            List.of("rtsp.client"),
            List.of("sdp"),
            List.of("rtp"),
            List.of("rtp.rtcp"),
            List.of("rtp.payload"),
            List.of("rtp.payload.nal"),
            List.of("rtp.payload.*"),
            List.of("rtp.payload.plan"),
            List.of("media"),
            List.of("media.*"),
            List.of("source"),
            List.of("source.file"),
            List.of("catalog"),
            List.of("auth"),
            List.of("transport"),
            List.of("stream"),
            List.of("engine"),
            List.of("session"),
            List.of("server"),
            List.of("mp3http"),
            List.of("ra.inbound"),
            List.of("ra"),
            List.of("ra.outbound"));

    /** Today's violations, each with the change that removes it; delete a line when its fix lands. */
    static final Set<String> KNOWN = Set.of();

    @Test
    void noPackageImportsAPackageAboveIt() {
        List<String> found = new Layers(LAYERS).violations(Path.of("src/main/java"));
        assertEquals(List.of(), found.stream().filter(v -> !KNOWN.contains(v)).toList());
    }

    @Test
    void knownExceptionsAreStillViolations() {
        List<String> found = new Layers(LAYERS).violations(Path.of("src/main/java"));
        assertEquals(List.of(), KNOWN.stream().filter(v -> !found.contains(v)).sorted().toList(),
                "fixed: delete these lines of KNOWN");
    }
}
