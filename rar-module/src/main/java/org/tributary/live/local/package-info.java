/**
 * Local broadcasters: commands defined in the server's broadcasters file (an ffmpeg or GStreamer pipeline
 * publishing to a live path) that the adapter runs as its own OS user, always or on demand, restarts with
 * backoff when they exit, and stops after their last viewer. {@link org.tributary.live.local.BroadcastersFile}
 * reads the definitions; {@link org.tributary.live.local.BroadcasterSupervisor} runs them, is the
 * {@link org.tributary.stream.PathRegistry}'s on-demand provider and ticks with the adapter's housekeeping.
 */
package org.tributary.live.local;
