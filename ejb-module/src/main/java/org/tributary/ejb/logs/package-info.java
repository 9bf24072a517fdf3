/**
 * Logs and session history. {@link org.tributary.ejb.logs.AccessRecordMdb} receives the adapter's access
 * records; {@link org.tributary.ejb.logs.AccessLog} appends them as W3C Extended lines in Darwin
 * Streaming Server's format ({@link org.tributary.ejb.logs.W3cAccessLogFormat}) to a file rolled by size
 * and age ({@link org.tributary.ejb.logs.RollingLogFile}); {@link org.tributary.ejb.logs.HistoryRecorder}
 * stores them as {@link org.tributary.ejb.logs.SessionHistory} rows, keeping them in a file spool while
 * the database is unavailable. The plain classes (format, parser, rolling file, spool) need no container.
 */
package org.tributary.ejb.logs;
