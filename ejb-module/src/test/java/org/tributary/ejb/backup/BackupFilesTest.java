package org.tributary.ejb.backup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackupFilesTest {

    private static final Instant T = Instant.parse("2026-12-05T08:13:00.123Z");

    @TempDir
    Path dir;

    @Test
    void aNameCarriesTheTimeInUtcToTheMillisecond() {
        assertEquals("tributary-20261205-081300-123.sql.gz", BackupFiles.nameAt(T));
        assertEquals(Optional.of(T), BackupFiles.madeAt("tributary-20261205-081300-123.sql.gz"));
    }

    @Test
    void onlyABackupsNameIsAccepted() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "x");
        BackupFiles files = new BackupFiles(dir.resolve("backups"));
        for (String name : new String[] {"../secret.txt", "tributary-20261205-081300-123.sql.gz/../../secret.txt",
                "tributary-20261305-081300-123.sql.gz", "tributary-20261205-081300.sql.gz", "", null}) {
            assertEquals(Optional.empty(), BackupFiles.madeAt(name), String.valueOf(name));
            assertEquals(Optional.empty(), files.find(name), String.valueOf(name));
        }
    }

    @Test
    void theListingIsNewestFirstAndSkipsOtherFiles() throws Exception {
        write(T);
        write(T.plusSeconds(3600));
        write(T.minusSeconds(60));
        Files.writeString(dir.resolve(BackupFiles.nameAt(T.plusSeconds(7200)) + ".part"), "half");
        Files.writeString(dir.resolve("notes.txt"), "x");
        List<BackupFile> list = new BackupFiles(dir).list();
        assertEquals(List.of(T.plusSeconds(3600), T, T.minusSeconds(60)), list.stream().map(BackupFile::createdAt).toList());
        assertEquals(7, list.get(0).bytes());
        assertTrue(new BackupFiles(dir).find(BackupFiles.nameAt(T)).isPresent());
        assertEquals(List.of(), new BackupFiles(dir.resolve("none")).list());
    }

    @Test
    void pruningKeepsTheNewest() throws Exception {
        for (int i = 0; i < 5; i++) {
            write(T.plusSeconds(i));
        }
        BackupFiles files = new BackupFiles(dir);
        assertEquals(List.of(BackupFiles.nameAt(T.plusSeconds(1)), BackupFiles.nameAt(T)), files.prune(3));
        assertEquals(List.of(T.plusSeconds(4), T.plusSeconds(3), T.plusSeconds(2)),
                files.list().stream().map(BackupFile::createdAt).toList());
        assertEquals(List.of(), files.prune(3));
    }

    @Test
    void keepIsBounded() {
        assertThrows(IllegalArgumentException.class, () -> new BackupSettings(dir, 0));
        assertThrows(IllegalArgumentException.class, () -> new BackupSettings(dir, BackupSettings.MAX_KEEP + 1));
    }

    @Test
    void aQuoteInTheFolderCannotEndTheSqlString() {
        assertEquals("'/srv/o''brien/b.sql.gz'", DatabaseBackupService.sqlString("/srv/o'brien/b.sql.gz"));
    }

    private void write(Instant when) throws Exception {
        Files.writeString(dir.resolve(BackupFiles.nameAt(when)), "backup!");
    }
}
