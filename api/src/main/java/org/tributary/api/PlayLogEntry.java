package org.tributary.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * One line of a channel's play log (Darwin's {@code <name>.log}): an item that started playing.
 *
 * @param startedAt when it started
 * @param path      the file, relative to the media root
 * @param title     its title (the file's metadata, else its name without extension)
 */
public record PlayLogEntry(Instant startedAt, String path, String title) implements Serializable {
}
