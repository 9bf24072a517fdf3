package org.tributary.web;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * No package of the web module imports a package above it. The console (its pages and their helpers) and the
 * REST API are siblings: neither imports the other; the field rules both apply live in the EJB services.
 */
class LayeringTest {

    /** The web module's packages from the bottom (the api jar and the EJB tier) to the top. */
    static final List<List<String>> LAYERS = List.of(
            List.of("api.**"),
            List.of("ejb.**"),
            List.of("web.security"),
            List.of("web.console.**", "web.api"));

    @Test
    void noPackageImportsAPackageAboveIt() {
        assertEquals(List.of(), new Layers(LAYERS).violations(Path.of("src/main/java")));
    }
}
