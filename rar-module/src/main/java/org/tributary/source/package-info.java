/**
 * Where the streaming engine takes its packets from. A {@link org.tributary.source.MediaSource} is one
 * presentation (a file today; a live push, a relay or a playlist later); each playing client gets its own
 * {@link org.tributary.source.SourceReader}. Nothing outside {@code source.*} knows about files or codecs.
 */
package org.tributary.source;
