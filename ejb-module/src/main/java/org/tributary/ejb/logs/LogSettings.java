package org.tributary.ejb.logs;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Where the logs go and how they roll, from system properties (defaults are Darwin's where it had one).
 *
 * @param accessLogEnabled  {@code tributary.access-log.enabled} [true]
 * @param accessLogFile     {@code tributary.access-log.file} [${jboss.server.log.dir}/tributary-access.log]
 * @param maxBytes          {@code tributary.access-log.max-bytes} [10240000; 0 = never by size]
 * @param rollDays          {@code tributary.access-log.roll-days} [7; 0 = never by age]
 * @param zone              {@code tributary.access-log.gmt} [true: GMT, false: the server's zone]
 * @param retentionDays     {@code tributary.history.retention-days} [365; 0 = keep for ever]
 * @param spoolDir          {@code tributary.history.spool-dir} [${jboss.server.data.dir}/tributary/history-spool]
 * @param retrySeconds      {@code tributary.history.retry-seconds} [30]: how often spooled rows are retried
 */
public record LogSettings(boolean accessLogEnabled, Path accessLogFile, long maxBytes, int rollDays, ZoneId zone,
                          int retentionDays, Path spoolDir, int retrySeconds) {

    public static LogSettings fromSystemProperties() {
        String logDir = System.getProperty("jboss.server.log.dir", "log");
        String dataDir = System.getProperty("jboss.server.data.dir", "data");
        return new LogSettings(
                Boolean.parseBoolean(System.getProperty("tributary.access-log.enabled", "true")),
                Path.of(System.getProperty("tributary.access-log.file", logDir + "/tributary-access.log")),
                longProperty("tributary.access-log.max-bytes", 10_240_000L),
                (int) longProperty("tributary.access-log.roll-days", 7),
                Boolean.parseBoolean(System.getProperty("tributary.access-log.gmt", "true"))
                        ? ZoneOffset.UTC : ZoneId.systemDefault(),
                (int) longProperty("tributary.history.retention-days", 365),
                Path.of(System.getProperty("tributary.history.spool-dir", dataDir + "/tributary/history-spool")),
                (int) Math.max(1, longProperty("tributary.history.retry-seconds", 30)));
    }

    private static long longProperty(String name, long fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < 0) {
                throw new NumberFormatException("negative");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property " + name + " must be a whole number >= 0, not '"
                    + value + "'");
        }
    }
}
