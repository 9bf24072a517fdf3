package org.tributary.catalog;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.api.MediaFileInfo;
import org.tributary.api.MediaTrackInfo;
import org.tributary.media.FfmpegFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogueScannerTest {

    @TempDir
    Path root;

    private Map<String, MediaFileInfo> scan(CatalogueScanner scanner) throws Exception {
        return scanner.scan().stream().collect(Collectors.toMap(MediaFileInfo::path, Function.identity()));
    }

    @Test
    void describesPlayableFilesAndSaysWhyOthersCannotPlay() throws Exception {
        Assumptions.assumeTrue(FfmpegFixtures.available(), "ffmpeg is not installed");
        Files.createDirectories(root.resolve("clips/.hidden"));
        FfmpegFixtures.avFile(root.resolve("clips"), "a.mp4");
        FfmpegFixtures.avFile(root, "hinted.mp4", "-movflags", "+rtphint");
        FfmpegFixtures.mp3File(root, "tone.mp3");
        Files.write(root.resolve("broken.mp4"), new byte[] {0, 0, 0, 8, 'f', 't', 'y', 'p', 1, 2, 3});
        Files.writeString(root.resolve("clips/.hidden/secret.mp4"), "not listed");
        Files.writeString(root.resolve("clips/qtaccess"), "require valid-user");
        CatalogueScanner scanner = new CatalogueScanner(new MediaCatalog(root));

        Map<String, MediaFileInfo> files = scan(scanner);
        MediaFileInfo a = files.get("clips/a.mp4");
        assertTrue(a.playable(), String.valueOf(a));
        assertNull(a.problem());
        assertFalse(a.hinted());
        assertEquals(3.0, a.durationSeconds(), 0.1);
        assertEquals(List.of(new MediaTrackInfo("video", "H264", "320x240 25 fps"),
                new MediaTrackInfo("audio", "AAC", "48000 Hz 1 ch")), a.tracks());

        MediaFileInfo hinted = files.get("hinted.mp4");
        assertTrue(hinted.hinted() && hinted.playable(), String.valueOf(hinted));
        assertTrue(hinted.tracks().stream().anyMatch(t -> t.kind().equals("hint") && t.details().startsWith("for track")));

        assertEquals("MP3", files.get("tone.mp3").tracks().get(0).codec());

        MediaFileInfo broken = files.get("broken.mp4");
        assertFalse(broken.playable());
        assertTrue(broken.problem().startsWith("broken.mp4"), broken.problem());
        assertTrue(Double.isNaN(broken.durationSeconds()));

        MediaFileInfo log = files.get("tone.mp3.log"); // ffmpeg's log beside the clip: listed, not streamable
        assertFalse(log.playable());
        assertTrue(log.problem().contains("not streamable"), log.problem());

        assertFalse(files.containsKey("clips/.hidden/secret.mp4"));
        assertFalse(files.containsKey("clips/qtaccess"));
        assertSame(a, scan(scanner).get("clips/a.mp4"), "an unchanged file is not read again");
    }

    @Test
    void aMissingRootListsNothingAndRerootingSwitchesFolders() throws Exception {
        MediaCatalog catalog = new MediaCatalog(root.resolve("none"));
        CatalogueScanner scanner = new CatalogueScanner(catalog);
        assertEquals(List.of(), scanner.scan());
        Files.writeString(root.resolve("notes.txt"), "x");
        catalog.reroot(root);
        assertEquals(List.of("notes.txt"), scanner.scan().stream().map(MediaFileInfo::path).toList());
    }
}
