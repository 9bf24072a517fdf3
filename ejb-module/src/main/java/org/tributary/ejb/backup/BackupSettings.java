package org.tributary.ejb.backup;

import java.nio.file.Path;

/**
 * Where database backups go and how many are kept, from system properties.
 *
 * @param dir  {@code tributary.backup.dir} [${jboss.server.data.dir}/tributary/backups]
 * @param keep {@code tributary.backup.keep} [10]: the newest this many are kept, older ones deleted (1..1000)
 */
public record BackupSettings(Path dir, int keep) {

    public static final int MAX_KEEP = 1000;

    public BackupSettings {
        if (keep < 1 || keep > MAX_KEEP) {
            throw new IllegalArgumentException("tributary.backup.keep must be between 1 and " + MAX_KEEP + ", not " + keep);
        }
    }

    public static BackupSettings fromSystemProperties() {
        String dataDir = System.getProperty("jboss.server.data.dir", "data");
        String keep = System.getProperty("tributary.backup.keep", "10").trim();
        int parsed;
        try {
            parsed = Integer.parseInt(keep);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tributary.backup.keep must be a whole number, not '" + keep + "'");
        }
        return new BackupSettings(Path.of(System.getProperty("tributary.backup.dir", dataDir + "/tributary/backups")),
                parsed);
    }
}
