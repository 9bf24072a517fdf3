package org.tributary.stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tributary.api.access.AccessAction;
import org.tributary.catalog.MediaCatalog;
import org.tributary.media.FfmpegFixtures;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry tells files (read per session) from running streams (shared), on canonical paths. */
class PathRegistryTest {

    private final Path root;
    private final PathRegistry registry;

    PathRegistryTest() throws Exception {
        root = Files.createDirectories(Path.of("target", "path-registry-test").toAbsolutePath());
        Files.createDirectories(root.resolve("live"));
        registry = new PathRegistry(new MediaCatalog(root));
    }

    private static Stream stream(String name) {
        return new Stream(name, StreamTest.TRACKS, StreamLimits.DEFAULT, System::nanoTime);
    }

    @Test
    void aRegisteredStreamIsFoundUnderItsCanonicalPathAndShared() throws Exception {
        Stream cam = stream("cam");
        assertEquals("live/cam", registry.register("live//./cam", cam));
        PathRegistry.Entry first = registry.resolve("live/cam");
        PathRegistry.Entry second = registry.resolve("live/../live/cam");
        PathRegistry.StreamEntry entry = assertInstanceOf(PathRegistry.StreamEntry.class, first);
        assertSame(cam, entry.stream());
        assertSame(first.source(), second.source(), "every reader shares the one stream");
        assertFalse(entry.source().seekable());
        assertTrue(Double.isInfinite(entry.source().durationSeconds()));
        assertEquals("live", entry.canonical().accessPath(AccessAction.READ), "access is decided on its folder");
        assertEquals("live/cam", entry.canonical().accessPath(AccessAction.WRITE));
    }

    @Test
    void aPathTakenByAStreamCannotBeRegisteredTwice() throws Exception {
        registry.register("live/a", stream("a"));
        assertThrows(IllegalStateException.class, () -> registry.register("live/a", stream("b")));
    }

    @Test
    void aPathLeavingTheRootIsRefused() {
        assertThrows(MediaCatalog.MediaForbiddenException.class, () -> registry.register("../outside", stream("x")));
    }

    @Test
    void unregisteringEndsTheStreamAndItsReadersAndTheFileLookupReturns() throws Exception {
        Stream cam = stream("cam");
        String path = registry.register("live/cam", cam);
        StreamReader reader = cam.openReader();
        assertFalse(registry.unregister(path, stream("other")), "only the registered stream unregisters itself");
        assertTrue(registry.unregister(path, cam));
        assertTrue(reader.finished());
        assertTrue(cam.ended());
        assertEquals(0, registry.streamCount());
        assertThrows(MediaCatalog.MediaNotFoundException.class, () -> registry.resolve("live/cam"));
    }

    @Test
    void aFileIsOpenedFromTheCatalogue() throws Exception {
        Assumptions.assumeTrue(FfmpegFixtures.available(), "ffmpeg is not installed");
        FfmpegFixtures.mp3File(root, "tone.mp3");
        PathRegistry.Entry entry = registry.resolve("./tone.mp3");
        PathRegistry.FileEntry file = assertInstanceOf(PathRegistry.FileEntry.class, entry);
        assertEquals("tone.mp3", file.canonical().path());
        assertTrue(file.source().seekable());
        assertEquals(1, file.source().tracks().size());
    }

    @Test
    void aStreamShadowsAFileOfTheSamePath() throws Exception {
        Files.writeString(root.resolve("live/shadowed.mp4"), "not media");
        registry.register("live/shadowed.mp4", stream("s"));
        assertInstanceOf(PathRegistry.StreamEntry.class, registry.resolve("live/shadowed.mp4"));
    }

    @Test
    void aPathNamingNothingIsNotFound() {
        assertThrows(MediaCatalog.MediaNotFoundException.class, () -> registry.resolve("live/nothing.mp4"));
    }
}
