package org.tributary.ejb.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * A log file rolled the way Darwin rolled its logs: by size (a line that would take the file past
 * {@code maxBytes} goes to a new file) and by age (the first write on or after the day {@code rollDays}
 * after the file's creation starts a new file). The full file is renamed
 * {@code <name>.<yyMMdd of its creation><NNN>.log} and every new file starts with the header directives.
 *
 * <p>Each line goes to the operating system in one append-mode write and nothing is buffered in the JVM,
 * so a JVM crash loses at most the line being written and a stop has nothing left to flush.
 */
public final class RollingLogFile implements AutoCloseable {

    private static final DateTimeFormatter ROLLED_DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final String FIELDS_DIRECTIVE = "#Fields:";

    private final Path file;
    private final Function<Instant, List<String>> header;
    private final Clock clock;
    private final ZoneId zone;
    private volatile long maxBytes;
    private volatile int rollDays;
    private FileChannel channel;
    private long size;
    private Instant createdAt;

    /**
     * @param header   the directives a new file starts with, given its creation time; the first must be
     *                 {@link W3cAccessLogFormat#CREATED_REMARK} so the age survives a restart
     * @param maxBytes roll when a line would make the file larger (0 = never by size)
     * @param rollDays roll when the file is this many days old (0 = never by age)
     */
    public RollingLogFile(Path file, Function<Instant, List<String>> header, long maxBytes, int rollDays, Clock clock,
                          ZoneId zone) {
        this.file = file;
        this.header = header;
        this.maxBytes = maxBytes;
        this.rollDays = rollDays;
        this.clock = clock;
        this.zone = zone;
    }

    public Path file() {
        return file;
    }

    public void maxBytes(long bytes) {
        this.maxBytes = bytes;
    }

    public void rollDays(int days) {
        this.rollDays = days;
    }

    /** Appends one line, rolling first when it is due. */
    public synchronized void append(String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        ensureOpen();
        if (ageDue() || sizeDue(bytes.length)) {
            roll();
        }
        write(bytes);
    }

    /** Rolls when the file is old enough (called from a timer as well as before each write). */
    public synchronized boolean rollIfOld() throws IOException {
        ensureOpen();
        if (ageDue()) {
            roll();
            return true;
        }
        return false;
    }

    /** Starts a new file now (Darwin's RollAccessLog service). */
    public synchronized void roll() throws IOException {
        closeChannel();
        Path rolled = rolledName(createdAt == null ? clock.instant() : createdAt);
        Files.move(file, rolled, StandardCopyOption.ATOMIC_MOVE);
        openNew();
    }

    @Override
    public synchronized void close() throws IOException {
        closeChannel();
    }

    private boolean sizeDue(int lineBytes) {
        long limit = maxBytes;
        return limit > 0 && size + lineBytes > limit && size > headerBytes();
    }

    private boolean ageDue() {
        int days = rollDays;
        if (days <= 0 || createdAt == null) {
            return false;
        }
        LocalDate created = createdAt.atZone(zone).toLocalDate();
        return !LocalDate.now(clock.withZone(zone)).isBefore(created.plusDays(days));
    }

    private long headerBytes() {
        long total = 0;
        for (String line : header.apply(createdAt)) {
            total += line.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        return total;
    }

    private void ensureOpen() throws IOException {
        if (channel != null) {
            return;
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        if (Files.exists(file) && Files.size(file) > 0) {
            createdAt = readCreation();
            if (createdAt == null) {
                // Not a file this writer started (no creation remark): keep it aside, start a proper one.
                createdAt = Files.getLastModifiedTime(file).toInstant();
                closeChannel();
                Files.move(file, rolledName(createdAt), StandardCopyOption.ATOMIC_MOVE);
                openNew();
                return;
            }
            String fields = fieldsIn(header.apply(createdAt));
            boolean fieldsChanged = fields != null && !fields.equals(lastFieldsDirective());
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            size = channel.size();
            if (fieldsChanged) {
                // A file begun by an older version: its lines below follow the fields of this one.
                write((fields + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } else {
            openNew();
        }
    }

    private void openNew() throws IOException {
        createdAt = clock.instant();
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        size = channel.size();
        StringBuilder text = new StringBuilder();
        for (String line : header.apply(createdAt)) {
            text.append(line).append('\n');
        }
        write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Instant readCreation() throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            if (first == null || !first.startsWith(W3cAccessLogFormat.CREATED_REMARK)) {
                return null;
            }
            String value = first.substring(W3cAccessLogFormat.CREATED_REMARK.length()).trim();
            return LocalDateTime.parse(value, W3cAccessLogFormat.CREATED).atZone(zone).toInstant();
        } catch (DateTimeParseException | java.nio.charset.MalformedInputException e) {
            return null;
        }
    }

    private static String fieldsIn(List<String> directives) {
        return directives.stream().filter(line -> line.startsWith(FIELDS_DIRECTIVE)).findFirst().orElse(null);
    }

    /** The #Fields directive in force at the end of the file, or null. */
    private String lastFieldsDirective() throws IOException {
        String last = null;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith(FIELDS_DIRECTIVE)) {
                    last = line;
                }
            }
        } catch (java.nio.charset.MalformedInputException e) {
            return null;
        }
        return last;
    }

    private void write(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer); // O_APPEND: one system call for a line on a local file system
        }
        size += bytes.length;
    }

    private Path rolledName(Instant created) throws IOException {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : ".log";
        String date = ROLLED_DATE.format(created.atZone(zone));
        for (int n = 0; n < 1000; n++) {
            Path candidate = file.resolveSibling(stem + "." + date + String.format("%03d", n) + ext);
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
        Path last = file.resolveSibling(stem + "." + date + "---" + ext);
        Files.deleteIfExists(last); // Darwin's name after 999 rolls in one day: reused
        return last;
    }

    private void closeChannel() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
