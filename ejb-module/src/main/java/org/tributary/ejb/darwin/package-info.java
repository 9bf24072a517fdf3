/**
 * Darwin Streaming Server's access files: {@code qtusers} (realm line, then name:crypt:MD5-HA1),
 * {@code qtgroups} (group: members) and per-folder {@code qtaccess} files. Parsers report every bad line
 * with file name and line number; {@link org.tributary.ejb.darwin.DarwinImportService} stores a set of files
 * only when all of it parses (merging, never deleting), and {@link org.tributary.ejb.darwin.DarwinExport}
 * writes the stored users, groups and rules back in the same formats.
 */
package org.tributary.ejb.darwin;
