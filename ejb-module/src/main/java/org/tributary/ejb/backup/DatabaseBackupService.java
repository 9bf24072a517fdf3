package org.tributary.ejb.backup;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Backs up the embedded H2 database while the server runs: H2's {@code SCRIPT TO ... COMPRESSION GZIP} writes
 * one consistent SQL export of every table (users, groups, rules, accounts, settings, history), which
 * {@code scripts/restore-database.sh} loads into a stopped server, also a newer H2. The export is written under
 * a temporary name and renamed, so the folder never lists a half-written backup; the newest
 * {@code tributary.backup.keep} are kept. One backup runs at a time.
 */
@Singleton
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseBackupService {

    private static final Logger LOG = Logger.getLogger(DatabaseBackupService.class.getName());

    @Resource(lookup = "java:jboss/datasources/TributaryDS")
    private DataSource database;

    private BackupSettings settings;
    private BackupFiles files;

    @PostConstruct
    void start() {
        settings = BackupSettings.fromSystemProperties();
        files = new BackupFiles(settings.dir());
    }

    /** Makes a backup now and deletes the ones beyond the newest {@code keep}. */
    @Lock(LockType.WRITE)
    public BackupFile backUp() {
        Path dir = files.dir();
        Instant now = Instant.now();
        Path target = dir.resolve(BackupFiles.nameAt(now));
        while (Files.exists(target)) {
            now = now.plusMillis(1);
            target = dir.resolve(BackupFiles.nameAt(now));
        }
        Path partial = dir.resolve(target.getFileName() + ".part");
        try (Connection connection = database.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!"H2".equalsIgnoreCase(product)) {
                throw new BackupRefusedException("TributaryDS is a " + product + " database: back it up with its own"
                        + " tools (PostgreSQL: pg_dump; see docs/OPERATIONS.md, Backups)", true, null);
            }
            Files.createDirectories(dir);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SCRIPT TO " + sqlString(partial.toAbsolutePath().toString()) + " COMPRESSION GZIP");
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException | IOException e) {
            deleteQuietly(partial);
            LOG.warning("database backup to " + dir + " failed: " + e.getMessage());
            throw new BackupRefusedException("the backup could not be written to " + dir + ": " + e.getMessage(), false, e);
        }
        BackupFile made = new BackupFile(target.getFileName().toString(), size(target), now);
        List<String> deleted = files.prune(settings.keep());
        LOG.info("database backup " + made.name() + " written to " + dir + " (" + made.bytes() + " bytes)"
                + (deleted.isEmpty() ? "" : "; deleted the older " + String.join(", ", deleted)));
        return made;
    }

    /** The backups in the folder, newest first. */
    public List<BackupFile> backups() {
        return files.list();
    }

    /** A backup's file by its name; empty for a name that is not a backup's. */
    public Optional<Path> file(String name) {
        return files.find(name);
    }

    public BackupSettings settings() {
        return settings;
    }

    /** A SQL string literal: the path is the server's own, but a quote in a folder name must not end it. */
    static String sqlString(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the failure that led here is the one reported
        }
    }
}
