/**
 * Database backups. {@link org.tributary.ejb.backup.DatabaseBackupService} writes a consistent SQL export of
 * the embedded H2 database (users, groups, rules, broadcaster accounts, console accounts, settings, session
 * history) while the server runs, into {@link org.tributary.ejb.backup.BackupSettings#dir()}, keeping the newest
 * few; {@code scripts/restore-database.sh} loads one into a stopped server. {@link org.tributary.ejb.backup.BackupFiles}
 * (names, listing, pruning) needs no container. PostgreSQL is backed up with its own tools (pg_dump).
 */
package org.tributary.ejb.backup;
