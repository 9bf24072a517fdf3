package org.tributary.ejb.backup;

import java.time.Instant;

/** One backup in the backup folder: its file name, size and when it was made. */
public record BackupFile(String name, long bytes, Instant createdAt) {
}
