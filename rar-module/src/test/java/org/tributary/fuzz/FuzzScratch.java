package org.tributary.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where file-based fuzzers (the MP4 and MP3 readers open paths, not buffers) put each input: one file
 * per JVM under target/, rewritten for every input. The fuzz executions point {@code tributary.fuzz.scratch}
 * at the module's target directory; the regression run in the default execution works from the module.
 */
public final class FuzzScratch {

    private final Path file;

    public FuzzScratch(String name) {
        Path dir = Path.of(System.getProperty("tributary.fuzz.scratch", "target"), "fuzz-scratch");
        try {
            Files.createDirectories(dir);
            file = Files.createTempFile(dir, name, ".bin");
            file.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code data} as the whole content of the scratch file and returns its path. */
    public Path write(byte[] data) throws IOException {
        return Files.write(file, data);
    }
}
