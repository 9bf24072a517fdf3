package org.tributary;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * No package imports a package above it, nor a sibling of its own layer: the adapter's packages here, and
 * the EJB tier's and the web module's source trees beside it (one checker for the three modules, kept here
 * because the adapter has the most layers).
 */
class LayeringTest {

    /** The adapter's packages from the bottom (the api jar) to the top (the resource adapter itself). */
    static final List<List<String>> LAYERS = List.of(
            List.of("api.**"),
            List.of("metrics"),
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
            List.of("hls"),
            List.of("transport"),
            List.of("stream"),
            List.of("engine"),
            List.of("hls.live"),
            List.of("session"),
            List.of("net"),
            List.of("server"),
            List.of("mp3http"),
            List.of("live.local", "relay"),
            List.of("channel", "cluster"),
            List.of("ra.inbound"),
            List.of("ra"),
            List.of("ra.outbound"));

    /** Today's violations, each with the change that removes it; delete a line when its fix lands. */
    static final Set<String> KNOWN = Set.of();

    /** The EJB tier's packages from the bottom (the api jar and the codec) to the top. */
    static final List<List<String>> EJB_LAYERS = List.of(
            List.of("api.**"),
            List.of("rtsp.**"),
            List.of("ejb.fields"),
            List.of("ejb.ldap"),
            List.of("ejb.adapter"),
            List.of("ejb.users", "ejb.console"),
            List.of("ejb.access"),
            List.of("ejb.darwin"),
            List.of("ejb.backup", "ejb.channels", "ejb.logs", "ejb.media", "ejb.metrics", "ejb.relays", "ejb.settings",
                    "ejb.stats"),
            // the cluster's heartbeat hands the origin's adapter the relays and channels changed on an edge
            List.of("ejb.cluster"));

    /**
     * The web module's packages. The console (its pages and their helpers) and the REST API are siblings:
     * neither imports the other; the field rules both apply live in the EJB services. The API's bodies
     * (records with their OpenAPI schemas) sit below the resources that send and read them.
     */
    static final List<List<String>> WEB_LAYERS = List.of(
            List.of("api.**"),
            List.of("rtsp.**"),
            List.of("ejb.**"),
            List.of("web.security"),
            List.of("web.api.model"),
            List.of("web.console.**", "web.api", "web.hls"));

    @Test
    void noPackageOfTheEjbTierImportsAPackageAboveIt() {
        assertEquals(List.of(), new Layers(EJB_LAYERS).violations(Path.of("../ejb-module/src/main/java")));
    }

    @Test
    void noPackageOfTheWebModuleImportsAPackageAboveIt() {
        assertEquals(List.of(), new Layers(WEB_LAYERS).violations(Path.of("../web-module/src/main/java")));
    }

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
