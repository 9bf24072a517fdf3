package org.tributary.api;

/** What a channel the server feeds itself is served as. */
public enum ChannelKind {
    /** Movies (MP4/QuickTime) as one live stream at the mount: RTSP (UDP, TCP, tunnel, multicast) and HLS. */
    STREAM,
    /** MP3 songs as an internet radio station: one shared MP3-over-HTTP stream at the mount, with ICY metadata. */
    RADIO
}
