/**
 * The streaming engine: a small fixed set of sender threads (long-running work from the adapter's
 * WorkManager), each pacing many playbacks by their next due time. No thread per stream; a playback
 * sends what is due and tells the engine when it next needs the CPU.
 */
package org.tributary.engine;
