package org.tributary.ejb;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** No package of the EJB tier imports a package above it, nor a sibling of its own layer. */
class LayeringTest {

    /** The EJB tier's packages from the bottom (the api jar) to the top. */
    static final List<List<String>> LAYERS = List.of(
            List.of("api.**"),
            List.of("ejb.fields"),
            List.of("ejb.adapter"),
            List.of("ejb.users", "ejb.console"),
            List.of("ejb.access"),
            List.of("ejb.darwin"),
            List.of("ejb.logs", "ejb.media", "ejb.settings", "ejb.stats"));

    @Test
    void noPackageImportsAPackageAboveIt() {
        assertEquals(List.of(), new Layers(LAYERS).violations(Path.of("src/main/java")));
    }
}
