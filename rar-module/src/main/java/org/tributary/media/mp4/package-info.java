/**
 * Reader for ISO base media files (.mp4, .m4a, .3gp) and QuickTime movies (.mov): box structure,
 * tracks, sample descriptions, sample tables and RTP hint tracks. Only metadata is loaded at
 * {@link org.tributary.media.mp4.Mp4File#open(java.nio.file.Path)}; sample data is read on demand
 * with positioned reads, so one open file can serve many concurrent streams.
 */
package org.tributary.media.mp4;
