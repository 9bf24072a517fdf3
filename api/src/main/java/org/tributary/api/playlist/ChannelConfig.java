package org.tributary.api.playlist;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A broadcast channel's settings, as Darwin's PlaylistBroadcaster and MP3Broadcaster read them from
 * {@code <name>.config} (keys in brackets). Unset optional texts are null.
 *
 * @param playlistFile         [playlist_file] the playlist, default {@code <name>.ply}
 * @param playMode             [play_mode] default {@link PlayMode#SEQUENTIAL_LOOPED}
 * @param recentListSize       [recent_movies_list_size, MP3: recent_songs_list_size] picks before an item may
 *                             repeat in weighted random play; {@link ItemPicker} clamps it
 * @param maxUpcomingListSize  [max_upcoming_list_size] items in the {@code .upcoming} file, default 7
 * @param destinationIpAddress [destination_ip_address] where the stream goes; null for the primary local address
 * @param destinationBasePort  [destination_base_port] first RTP port (MP3: the server's port), default 5004
 * @param sdpFile              [sdp_file] where the generated SDP is written, default {@code <name>.sdp}
 * @param destinationSdpFile   [destination_sdp_file] the SDP's name on the server (the ANNOUNCE path), default
 *                             {@code no_name}
 * @param sdpReferenceMovie    [sdp_reference_movie] the movie whose tracks define the broadcast; null for the
 *                             playlist's first
 * @param sdpIsDynamic         [broadcast_SDP_is_dynamic] default disabled
 * @param startTime            [broadcast_start_time]
 * @param endTime              [broadcast_end_time]
 * @param multicastTtl         [multicast_ttl] default 1
 * @param rtspPort             [rtsp_port] the server's RTSP port for ANNOUNCE, default 554
 * @param broadcasterName      [broadcaster_name] ANNOUNCE user, default empty
 * @param broadcasterPassword  [broadcaster_password] default empty
 * @param clientBufferDelay    [client_buffer_delay] seconds, written into the SDP; default 0
 * @param logging              [logging] the play log, default enabled
 * @param logFile              [log_file] default {@code <name>.log}
 * @param showCurrent          [show_current] keep {@code <name>.current}, default enabled
 * @param showUpcoming         [show_upcoming] keep {@code <name>.upcoming}, default enabled
 * @param pidFile              [pid_file]
 * @param maxErrFileKSize      [max_err_file_k_size] error file cap in KB; 0 for none (the default)
 * @param workingDir           [working_dir] MP3
 * @param broadcastName        [broadcast_name] MP3: the source user or stream name
 * @param broadcastPassword    [broadcast_password] MP3: the source password
 * @param broadcastUrl         [broadcast_url] MP3
 * @param broadcastMountPoint  [broadcast_mount_point] MP3
 * @param broadcastGenre       [broadcast_genre] MP3
 * @param broadcastBitrate     [broadcast_bitrate] MP3, kbit/s; 0 when unset
 * @param broadcastSampleRate  [broadcast_sample_rate] MP3, Hz; 0 when unset
 * @param useIcy               [use_icy] MP3: SHOUTcast icy-* headers instead of x-audiocast-*, default disabled
 * @param otherKeys            keys neither broadcaster knows, as written, in file order
 */
public record ChannelConfig(String playlistFile, PlayMode playMode, int recentListSize, int maxUpcomingListSize,
                            String destinationIpAddress, int destinationBasePort, String sdpFile,
                            String destinationSdpFile, String sdpReferenceMovie, boolean sdpIsDynamic,
                            BroadcastTime startTime, BroadcastTime endTime, int multicastTtl, int rtspPort,
                            String broadcasterName, String broadcasterPassword, double clientBufferDelay,
                            boolean logging, String logFile, boolean showCurrent, boolean showUpcoming,
                            String pidFile, int maxErrFileKSize, String workingDir, String broadcastName,
                            String broadcastPassword, String broadcastUrl, String broadcastMountPoint,
                            String broadcastGenre, int broadcastBitrate, int broadcastSampleRate, boolean useIcy,
                            Map<String, String> otherKeys) implements Serializable {

    /**
     * {@code broadcast_start_time} / {@code broadcast_end_time}: NTP seconds, or ({@code *N}) N seconds after
     * the broadcast is started; 0 leaves it open.
     */
    public record BroadcastTime(long seconds, boolean fromNow) implements Serializable {
        public static final BroadcastTime OPEN = new BroadcastTime(0, false);

        public BroadcastTime {
            if (seconds < 0) {
                throw new IllegalArgumentException("a broadcast time cannot be negative: " + seconds);
            }
        }

        public boolean open() {
            return seconds == 0 && !fromNow;
        }

        @Override
        public String toString() {
            return (fromNow ? "*" : "") + seconds;
        }
    }

    public ChannelConfig {
        Objects.requireNonNull(playlistFile, "playlistFile");
        Objects.requireNonNull(playMode, "playMode");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        otherKeys = otherKeys == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(otherKeys));
    }

    /** Darwin's defaults for the channel whose files are named {@code <base>.config}, {@code <base>.ply} and so on. */
    public static ChannelConfig defaults(String base) {
        return new ChannelConfig(base + ".ply", PlayMode.SEQUENTIAL_LOOPED, 0, 7, null, 5004, base + ".sdp", "no_name",
                null, false, BroadcastTime.OPEN, BroadcastTime.OPEN, 1, 554, "", "", 0, true, base + ".log", true, true,
                null, 0, null, null, null, null, null, null, 0, 0, false, Map.of());
    }
}
