package org.tributary.ejb;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LayersTest {

    private final Layers layers = new Layers(List.of(
            List.of("api.**"), List.of("low"), List.of("mid", "mid.*"), List.of("top.**")));

    @Test
    void importsDownwardAndWithinAUnitAreAllowed() {
        assertNull(layers.verdict("mid", "low"));
        assertNull(layers.verdict("mid.a", "api.access"));
        assertNull(layers.verdict("top.x", "top"));
        assertNull(layers.verdict("top", "top.x.y"));
    }

    @Test
    void importsUpwardSidewaysOrOutsideTheTableAreNamed() {
        assertEquals("above it", layers.verdict("low", "mid"));
        assertEquals("beside it", layers.verdict("mid", "mid.a"));
        assertEquals("beside it", layers.verdict("mid.a", "mid.b"));
        assertEquals("not in the layer table", layers.verdict("mid", "elsewhere"));
    }

    @Test
    void readsImportLinesOfASourceTree() throws IOException {
        Path root = Path.of("target/layers-test");
        write(root.resolve("org/tributary/low/A.java"), """
                package org.tributary.low;

                import java.util.List;
                import org.tributary.api.Thing;
                import org.tributary.mid.Helper.Inner;
                import static org.tributary.top.x.Constants.LIMIT;
                import org.tributary.mid.a.*;

                class A {
                }
                """);
        write(root.resolve("org/tributary/stray/B.java"), "package org.tributary.stray;\nclass B {}\n");
        write(root.resolve("org/tributary/stray/package-info.java"), "package org.tributary.stray;\n");

        assertEquals(List.of(
                "low.A imports mid (above it)",
                "low.A imports mid.a (above it)",
                "low.A imports top.x (above it)",
                "stray.B is in a package the layer table does not place"), layers.violations(root));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
