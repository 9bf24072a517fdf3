package org.tributary.ejb.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The backup folder: names made from the time of the backup ({@code tributary-20261205-081300-123.sql.gz}, UTC),
 * the listing newest first, and pruning to the newest few. Only names of that form are ever listed, served or
 * deleted, so a name from a request can never reach another file.
 */
public final class BackupFiles {

    public static final String SUFFIX = ".sql.gz";
    private static final Pattern NAME = Pattern.compile("tributary-(\\d{8}-\\d{6}-\\d{3})\\.sql\\.gz");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path dir;

    public BackupFiles(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The name of a backup made at this instant. */
    public static String nameAt(Instant when) {
        return "tributary-" + STAMP.format(LocalDateTime.ofInstant(when, ZoneOffset.UTC)) + SUFFIX;
    }

    /** When the backup of this name was made, or empty when it is not a backup's name. */
    public static Optional<Instant> madeAt(String name) {
        Matcher m = name == null ? null : NAME.matcher(name);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(m.group(1), STAMP).toInstant(ZoneOffset.UTC));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The file of a backup by name, when the name is a backup's and the file exists. */
    public Optional<Path> find(String name) {
        if (madeAt(name).isEmpty()) {
            return Optional.empty();
        }
        Path file = dir.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The backups, newest first. */
    public List<BackupFile> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<BackupFile> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                Optional<Instant> made = madeAt(name);
                if (made.isPresent() && Files.isRegularFile(file)) {
                    found.add(new BackupFile(name, Files.size(file), made.get()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the backup folder " + dir, e);
        }
        found.sort(Comparator.comparing(BackupFile::createdAt).reversed());
        return found;
    }

    /** Deletes all but the newest {@code keep} backups; returns the names deleted. */
    public List<String> prune(int keep) {
        List<BackupFile> all = list();
        List<String> deleted = new ArrayList<>();
        for (BackupFile old : all.subList(Math.min(keep, all.size()), all.size())) {
            try {
                Files.deleteIfExists(dir.resolve(old.name()));
                deleted.add(old.name());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the old backup " + old.name(), e);
            }
        }
        return deleted;
    }
}
