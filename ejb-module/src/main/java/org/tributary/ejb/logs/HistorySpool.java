package org.tributary.ejb.logs;

import org.tributary.api.event.AccessRecord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * History rows the database could not take yet, one file per record in a directory. A record is written
 * to a temporary file, forced to disk and renamed, so the spool never holds half a record, and it stays
 * until the row is stored.
 */
public final class HistorySpool {

    private static final String SUFFIX = ".record";
    /**
     * Orders the spool: file names start with this number (microseconds since the epoch, made strictly
     * increasing), so records come back in the order they were put even when two share a file time stamp.
     */
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final ObjectInputFilter ONLY_RECORDS = ObjectInputFilter.Config.createFilter(
            "org.tributary.api.event.*;java.time.*;java.lang.*;maxdepth=5;!*");

    private final Path dir;

    public HistorySpool(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public void put(AccessRecord record) throws IOException {
        write(dir, record);
    }

    /** Keeps a record the database refuses for itself apart from the spool, never to be retried; returns its file. */
    public Path putRejected(AccessRecord record) throws IOException {
        return write(rejectedDir(), record);
    }

    /** Where rows the database refuses for themselves are kept (not a part of the spool). */
    public Path rejectedDir() {
        return dir.resolve("rejected");
    }

    private static Path write(Path dir, AccessRecord record) throws IOException {
        Files.createDirectories(dir);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(record);
        }
        Path tmp = dir.resolve(record.eventId() + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        String name = String.format("%019d-%s%s", nextSequence(), record.eventId(), SUFFIX);
        return Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The spooled files, oldest first. */
    public List<Path> pending() throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            stream.forEach(files::add);
        }
        // Names begin with a fixed-width increasing number. Files an older version spooled (named by event id
        // only) are older than any of these: they come first, among themselves by time stamp as before.
        files.sort((a, b) -> {
            String x = a.getFileName().toString();
            String y = b.getFileName().toString();
            boolean sequencedX = sequenced(x);
            boolean sequencedY = sequenced(y);
            if (sequencedX && sequencedY) {
                return x.compareTo(y);
            }
            if (sequencedX != sequencedY) {
                return sequencedX ? 1 : -1;
            }
            try {
                return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b));
            } catch (IOException e) {
                return x.compareTo(y);
            }
        });
        return files;
    }

    private static long nextSequence() {
        long now = System.currentTimeMillis() * 1000;
        return SEQUENCE.updateAndGet(last -> Math.max(last + 1, now));
    }

    private static boolean sequenced(String name) {
        return name.length() > 20 && name.charAt(19) == '-' && name.substring(0, 19).chars().allMatch(Character::isDigit);
    }

    public int size() throws IOException {
        return pending().size();
    }

    public AccessRecord read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); ObjectInputStream objects = new ObjectInputStream(in)) {
            objects.setObjectInputFilter(ONLY_RECORDS);
            return (AccessRecord) objects.readObject();
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("not a spooled access record: " + file, e);
        }
    }

    public void remove(Path file) throws IOException {
        Files.deleteIfExists(file);
    }
}
