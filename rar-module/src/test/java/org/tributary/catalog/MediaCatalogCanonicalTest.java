package org.tributary.catalog;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.api.access.AccessAction;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The canonical path: one spelling for the access question and the file lookup, on a real folder tree. */
class MediaCatalogCanonicalTest {

    @TempDir
    Path dir;

    Path root;
    MediaCatalog catalog;

    @BeforeEach
    void tree() throws Exception {
        root = dir.resolve("media");
        Files.createDirectories(root.resolve("movies/private"));
        Files.createDirectories(root.resolve("open"));
        Files.writeString(root.resolve("movies/private/test.mp4"), "secret");
        Files.writeString(root.resolve("open/free.mp4"), "free");
        Files.writeString(dir.resolve("outside.mp4"), "outside");
        Files.createSymbolicLink(root.resolve("open/x.mp4"), Path.of("../movies/private/test.mp4"));
        Files.createSymbolicLink(root.resolve("open/vault"), Path.of("../movies/private"));
        Files.createSymbolicLink(root.resolve("open/escape.mp4"), dir.resolve("outside.mp4"));
        Files.createSymbolicLink(root.resolve("open/dangling.mp4"), Path.of("nowhere.mp4"));
        catalog = new MediaCatalog(root);
    }

    @Test
    void everySpellingOfAFileIsItsOneCanonicalPath() throws Exception {
        for (String spelling : new String[]{"movies/private/test.mp4", "movies//private/test.mp4",
                "movies/./private/test.mp4", "movies/x/../private/test.mp4", "movies/private/test.mp4/", "/movies/private/test.mp4"}) {
            CanonicalPath c = catalog.canonical(spelling);
            assertEquals("movies/private/test.mp4", c.path(), spelling);
            assertTrue(c.exists(), spelling);
            assertEquals("movies/private/test.mp4", c.accessPath(AccessAction.READ), spelling);
            assertEquals(root.toRealPath().resolve("movies/private/test.mp4"), c.real());
        }
    }

    @Test
    void aLinkIntoAProtectedFolderIsDecidedOnItsTarget() throws Exception {
        assertEquals("movies/private/test.mp4", catalog.canonical("open/x.mp4").path());
        assertEquals("movies/private/test.mp4", catalog.canonical("open/vault/test.mp4").path());
        CanonicalPath missingBehindLink = catalog.canonical("open/vault/nothing.mp4");
        assertEquals("movies/private/nothing.mp4", missingBehindLink.path());
        assertEquals("movies/private", missingBehindLink.accessPath(AccessAction.READ));
        assertEquals(catalog.resolve("open/x.mp4"), catalog.resolve("movies/private/test.mp4"), "one file, one source");
    }

    @Test
    void aMissingPathIsAskedAboutItsNearestExistingFolder() throws Exception {
        CanonicalPath missing = catalog.canonical("movies/private/random-4711.mp4");
        assertFalse(missing.exists());
        assertEquals("movies/private/random-4711.mp4", missing.path());
        assertEquals("movies/private", missing.accessPath(AccessAction.READ));
        assertEquals("movies/private/random-4711.mp4", missing.accessPath(AccessAction.WRITE), "a publisher names a new stream");
        assertEquals("movies/private", catalog.canonical("movies/private/a/b/c.mp4").accessPath(AccessAction.READ));
        assertEquals("movies/private/test.mp4", catalog.canonical("movies/private/test.mp4/trackID=9").accessPath(AccessAction.READ),
                "below a file: the file");
        assertEquals("", catalog.canonical("no/such/folder.mp4").accessPath(AccessAction.READ), "the root");
        assertEquals("movies/private", catalog.canonical("movies/private/" + "deep/".repeat(2000) + "x.mp4")
                .accessPath(AccessAction.READ), "found from the root down: one probe per existing name, not per segment");
        assertEquals("open", catalog.canonical("open/dangling.mp4").accessPath(AccessAction.READ), "a dangling link names nothing");
        assertThrows(MediaCatalog.MediaNotFoundException.class, () -> catalog.resolve("movies/private/random-4711.mp4"));
        assertThrows(MediaCatalog.MediaNotFoundException.class, () -> catalog.resolve("movies/private"), "a folder is no media file");
    }

    @Test
    void caseIsTheFileSystemsOwn() throws Exception {
        // On this case-sensitive file system another case names nothing: asked about the nearest existing folder.
        CanonicalPath other = catalog.canonical("movies/Private/test.mp4");
        assertEquals(Files.exists(root.resolve("movies/Private")), other.exists());
        if (!other.exists()) {
            assertEquals("movies", other.accessPath(AccessAction.READ));
        } else {
            // A case-insensitive file system: the real path's case decides.
            assertEquals("movies/private/test.mp4", other.path());
        }
    }

    @Test
    void twoFoldersWhoseNamesDifferOnlyInCaseStayApartOnACaseSensitiveFileSystem() throws Exception {
        Files.createDirectories(root.resolve("movies/PRIVATE"));
        Files.writeString(root.resolve("movies/PRIVATE/other.mp4"), "other");
        // Only where both spellings exist can this Linux box check it: the stored spelling is the one asked for.
        assertEquals("movies/PRIVATE/other.mp4", catalog.canonical("movies/PRIVATE/other.mp4").path());
        assertEquals("movies/private/test.mp4", catalog.canonical("movies/private/test.mp4").path());
        assertEquals("movies/PRIVATE", catalog.canonical("movies/PRIVATE/test.mp4").accessPath(AccessAction.READ));
    }

    @Test
    void pathsLeavingTheRootAreForbiddenAndMalformedOnesRefused() {
        assertThrows(MediaCatalog.MediaForbiddenException.class, () -> catalog.canonical("../outside.mp4"));
        assertThrows(MediaCatalog.MediaForbiddenException.class, () -> catalog.canonical("open/../../outside.mp4"));
        assertThrows(MediaCatalog.MediaForbiddenException.class, () -> catalog.canonical("open/escape.mp4"));
        assertThrows(MediaCatalog.MediaForbiddenException.class, () -> catalog.resolve("open/escape.mp4"));
        assertThrows(MediaCatalog.MalformedPathException.class, () -> catalog.canonical("movies/private/%2e%2e/test.mp4"));
        assertThrows(MediaCatalog.MalformedPathException.class, () -> catalog.canonical("movies\\private\\test.mp4"));
        assertThrows(MediaCatalog.MalformedPathException.class, () -> catalog.canonical("test.mp4\0.txt"));
    }

    @Test
    void theRootItselfThroughALink() throws Exception {
        Path link = dir.resolve("media-link");
        Files.createSymbolicLink(link, root);
        MediaCatalog linked = new MediaCatalog(link);
        assertEquals("movies/private/test.mp4", linked.canonical("open/x.mp4").path());
        assertEquals("", linked.canonical("").path());
        assertTrue(linked.canonical("").exists());
    }
}
