package org.tributary.media.mp4;

import java.nio.BufferUnderflowException;

import org.tributary.media.MediaFormatException;

/** Carries the file name into every parse step so that errors can name both box and file. */
final class ParseContext {
    /** A parse step that may run off the end of its buffer. */
    @FunctionalInterface
    interface Step<T> {
        T run() throws MediaFormatException;
    }

    private final String fileName;

    ParseContext(String fileName) {
        this.fileName = fileName;
    }

    String fileName() {
        return fileName;
    }

    MediaFormatException error(String box, String message) {
        return new MediaFormatException("'" + box + "' box in " + fileName + ": " + message);
    }

    /** Runs {@code step}, turning buffer over-reads into a {@link MediaFormatException} naming {@code box}. */
    <T> T guard(String box, Step<T> step) throws MediaFormatException {
        try {
            return step.run();
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException
                | NegativeArraySizeException e) {
            throw new MediaFormatException("'" + box + "' box in " + fileName + " is truncated or malformed", e);
        }
    }

    /** Fails unless {@code count} entries of {@code entryBytes} each fit in {@code available} bytes. */
    void checkEntries(String box, long count, int entryBytes, int available, long max) throws MediaFormatException {
        if (count < 0 || count > max) {
            throw error(box, "entry count " + count + " exceeds limit " + max);
        }
        if (count * entryBytes > available) {
            throw error(box, "entry count " + count + " needs " + count * entryBytes + " bytes but only "
                    + available + " remain");
        }
    }
}
