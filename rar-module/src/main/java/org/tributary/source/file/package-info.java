/**
 * Sources backed by files: MP4/QuickTime/3GP packetized by Tributary, hinted QuickTime files streamed
 * exactly as their hint tracks say, and MP3 files. A file is opened and mapped once and shared by every
 * reader; each reader only keeps its position and small reusable buffers.
 */
package org.tributary.source.file;
