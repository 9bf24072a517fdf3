package org.tributary.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * What parsing each file gave, by path, for one version of the file (its size and modification time). A file
 * is parsed once per version: the result is shared, and a failure is remembered until the file changes, so a
 * broken or hostile file is not parsed again on every request. There is no global lock: files are parsed at
 * the same time, and a request for a file that is being parsed waits for that one parse only.
 * An {@link IOException} (the disk, too many open files) is not remembered: the next request tries again.
 *
 * @param <T> what a parse gives
 */
public final class ParsedFileCache<T> {

    /** Parses one file. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(Path file) throws Exception;
    }

    /** A parse's result: the value, or the exception saying why the file cannot be used. */
    public record Outcome<T>(T value, Exception failure) {
    }

    private record Version(long size, long modified) {
    }

    private static final class Slot<T> {
        final Version version;
        final CompletableFuture<Outcome<T>> outcome = new CompletableFuture<>();

        Slot(Version version) {
            this.version = version;
        }

        boolean failed() {
            return outcome.isDone() && outcome.join().failure() != null;
        }
    }

    private final ConcurrentHashMap<Path, Slot<T>> slots = new ConcurrentHashMap<>();
    private final int maxEntries;

    /** @param maxEntries past this many files, remembered failures are forgotten first, then everything */
    public ParsedFileCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The outcome for {@code file} at this size and modification time, parsing it when no parse of it is known. */
    public Outcome<T> get(Path file, long size, long modified, Parser<T> parser) {
        Version version = new Version(size, modified);
        Slot<T> mine = new Slot<>(version);
        Slot<T> slot = slots.compute(file, (p, known) -> known != null && known.version.equals(version) ? known : mine);
        if (slot != mine) {
            return slot.outcome.join();
        }
        trim();
        Outcome<T> outcome = null;
        try {
            outcome = new Outcome<>(parser.parse(file), null);
        } catch (Exception e) {
            outcome = new Outcome<>(null, e);
            if (e instanceof IOException) {
                slots.remove(file, mine);
            }
        } finally {
            if (outcome == null) { // an Error: tell the waiters, remember nothing
                slots.remove(file, mine);
                outcome = new Outcome<>(null, new IOException("parsing " + file.getFileName() + " failed"));
            }
            mine.outcome.complete(outcome);
        }
        return outcome;
    }

    /** Forgets the files {@code gone} says are gone. */
    public void removeIf(Predicate<Path> gone) {
        slots.keySet().removeIf(gone);
    }

    public void clear() {
        slots.clear();
    }

    int size() {
        return slots.size();
    }

    private void trim() {
        if (slots.size() <= maxEntries) {
            return;
        }
        slots.values().removeIf(Slot::failed);
        if (slots.size() > maxEntries) {
            slots.clear(); // clients keep what they hold; only the sharing is lost
        }
    }
}
