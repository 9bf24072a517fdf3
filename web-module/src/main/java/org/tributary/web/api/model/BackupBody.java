package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tributary.ejb.backup.BackupFile;

/** One database backup ({@code /api/backups}). */
@Schema(name = "Backup", description = "A SQL export of the database, made while the server ran")
@JsonbPropertyOrder({"name", "bytes", "createdAt", "url"})
public record BackupBody(
        @Schema(required = true, description = "the file name in the backup folder") String name,
        @Schema(required = true) long bytes,
        @Schema(required = true, format = "date-time") String createdAt,
        @Schema(required = true, description = "where to download it, relative to /api") String url) {

    public static BackupBody of(BackupFile file) {
        return new BackupBody(file.name(), file.bytes(), file.createdAt().toString(), "backups/" + file.name());
    }
}
