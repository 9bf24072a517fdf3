package org.tributary.api.playlist;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DarwinConfigParserTest {

    private static final DarwinConfigParser PARSER = new DarwinConfigParser(PlaylistLimits.DEFAULTS);

    private static List<String> errors(String text) {
        return assertThrows(PlaylistSyntaxException.class, () -> PARSER.parse(text, "bad.config")).errors();
    }

    @Test
    void aPlaylistBroadcasterConfigWrittenByTheWebAdmin() throws PlaylistSyntaxException {
        String text = """
                # PlaylistBroadcaster description file
                playlist_file /Library/QuickTimeStreaming/Playlists/news/news.playlist
                play_mode weighted_random
                recent_movies_list_size 3
                max_upcoming_list_size 5
                destination_ip_address 127.0.0.1
                destination_base_port 5004
                sdp_file /Library/QuickTimeStreaming/Playlists/news/news.sdp
                destination_sdp_file news.sdp
                sdp_reference_movie "/Library/QuickTimeStreaming/Movies/Big Buck Bunny.mp4"
                broadcast_SDP_is_dynamic enabled
                broadcast_start_time *30
                broadcast_end_time 3900000000
                multicast_ttl 16
                rtsp_port 7070

                broadcaster_name "broadcast user"
                broadcaster_password ""
                client_buffer_delay 2.5
                logging Enabled
                log_file /var/log/news.log
                show_current enabled
                show_upcoming disabled
                pid_file /var/run/news.pid
                max_err_file_k_size 256
                x_custom_color   blue sky
                """;
        DarwinConfigParser.Parsed parsed = PARSER.parse(text, "news.config");
        ChannelConfig c = parsed.config();
        assertEquals("/Library/QuickTimeStreaming/Playlists/news/news.playlist", c.playlistFile());
        assertEquals(PlayMode.WEIGHTED_RANDOM, c.playMode());
        assertEquals(3, c.recentListSize());
        assertEquals(5, c.maxUpcomingListSize());
        assertEquals("127.0.0.1", c.destinationIpAddress());
        assertEquals(5004, c.destinationBasePort());
        assertEquals("/Library/QuickTimeStreaming/Playlists/news/news.sdp", c.sdpFile());
        assertEquals("news.sdp", c.destinationSdpFile());
        assertEquals("/Library/QuickTimeStreaming/Movies/Big Buck Bunny.mp4", c.sdpReferenceMovie());
        assertTrue(c.sdpIsDynamic());
        assertEquals(new ChannelConfig.BroadcastTime(30, true), c.startTime());
        assertEquals(new ChannelConfig.BroadcastTime(3_900_000_000L, false), c.endTime());
        assertEquals(16, c.multicastTtl());
        assertEquals(7070, c.rtspPort());
        assertEquals("broadcast user", c.broadcasterName());
        assertEquals("", c.broadcasterPassword());
        assertEquals(2.5, c.clientBufferDelay());
        assertTrue(c.logging());
        assertEquals("/var/log/news.log", c.logFile());
        assertTrue(c.showCurrent());
        assertFalse(c.showUpcoming());
        assertEquals("/var/run/news.pid", c.pidFile());
        assertEquals(256, c.maxErrFileKSize());
        assertEquals(Map.of("x_custom_color", "blue sky"), c.otherKeys());
        assertEquals(List.of("news.config:26: unknown key 'x_custom_color' (kept, not used)"), parsed.warnings());
    }

    @Test
    void anMp3BroadcasterConfig() throws PlaylistSyntaxException {
        String text = """
                destination_ip_address icecast.example.com
                destination_base_port 8000
                play_mode sequential
                recent_songs_list_size 4
                playlist_file radio.ply
                working_dir /srv/radio
                broadcast_name source
                broadcast_password "s3cret pw"
                broadcast_url http://radio.example.com/
                broadcast_mount_point /live.mp3
                broadcast_genre "Jazz Blues"
                broadcast_bitrate 128
                broadcast_sample_rate 44100
                use_icy enabled
                """;
        DarwinConfigParser.Parsed parsed = PARSER.parse(text, "radio.config");
        ChannelConfig c = parsed.config();
        assertEquals("icecast.example.com", c.destinationIpAddress());
        assertEquals(8000, c.destinationBasePort());
        assertEquals(PlayMode.SEQUENTIAL, c.playMode());
        assertEquals(4, c.recentListSize(), "MP3Broadcaster's recent_songs_list_size");
        assertEquals("/srv/radio", c.workingDir());
        assertEquals("source", c.broadcastName());
        assertEquals("s3cret pw", c.broadcastPassword());
        assertEquals("http://radio.example.com/", c.broadcastUrl());
        assertEquals("/live.mp3", c.broadcastMountPoint());
        assertEquals("Jazz Blues", c.broadcastGenre());
        assertEquals(128, c.broadcastBitrate());
        assertEquals(44100, c.broadcastSampleRate());
        assertTrue(c.useIcy());
        assertEquals(List.of(), parsed.warnings());
    }

    @Test
    void leftOutKeysTakeDarwinsDefaultsNamedAfterTheConfigFile() throws PlaylistSyntaxException {
        ChannelConfig c = PARSER.parse("# nothing set\n\n", "channels/news.config").config();
        assertEquals(ChannelConfig.defaults("channels/news"), c);
        assertEquals("channels/news.ply", c.playlistFile());
        assertEquals("channels/news.sdp", c.sdpFile());
        assertEquals("channels/news.log", c.logFile());
        assertEquals(PlayMode.SEQUENTIAL_LOOPED, c.playMode());
        assertEquals(7, c.maxUpcomingListSize());
        assertEquals(5004, c.destinationBasePort());
        assertEquals(554, c.rtspPort());
        assertEquals(1, c.multicastTtl());
        assertEquals("no_name", c.destinationSdpFile());
        assertNull(c.destinationIpAddress());
        assertTrue(c.startTime().open());
        assertTrue(c.logging() && c.showCurrent() && c.showUpcoming());
        assertFalse(c.sdpIsDynamic() || c.useIcy());
    }

    @Test
    void aDefFileReadFirstSuppliesTheDefaults() throws PlaylistSyntaxException {
        ChannelConfig def = PARSER.parse("rtsp_port 8554\nplay_mode weighted_random\nsite_tag a\n", "news.def").config();
        ChannelConfig c = PARSER.parse("play_mode sequential\nsite_tag b\n", "news.config", def).config();
        assertEquals(8554, c.rtspPort());
        assertEquals(PlayMode.SEQUENTIAL, c.playMode());
        assertEquals(Map.of("site_tag", "b"), c.otherKeys());
    }

    @Test
    void malformedValuesAreErrorsInLineOrder() {
        String text = """
                play_mode shuffle
                recent_movies_list_size -1
                destination_base_port 70000
                multicast_ttl 0
                logging yes
                broadcast_start_time tomorrow
                client_buffer_delay 1e3
                destination_ip_address "10.0.0.1 10.0.0.2"
                sdp_file "unterminated
                rtsp_port
                broadcast_end_time *-5
                max_upcoming_list_size 99999999999
                """;
        assertEquals(List.of(
                "bad.config:1: play_mode must be sequential, sequential_looped or weighted_random, not 'shuffle'",
                "bad.config:2: recent_movies_list_size must be a whole number from 0 to 100000, not '-1'",
                "bad.config:3: destination_base_port must be a whole number from 1 to 65535, not '70000'",
                "bad.config:4: multicast_ttl must be a whole number from 1 to 255, not '0'",
                "bad.config:5: logging must be enabled or disabled, not 'yes'",
                "bad.config:6: broadcast_start_time must be NTP seconds or *seconds from now, not 'tomorrow'",
                "bad.config:7: client_buffer_delay must be seconds from 0 to 3600, not '1e3'",
                "bad.config:8: destination_ip_address must be an IP address or host name, not '10.0.0.1 10.0.0.2'",
                "bad.config:9: no closing quote in the value of sdp_file",
                "bad.config:10: rtsp_port has no value (write \"\" for an empty one)",
                "bad.config:11: broadcast_end_time must be NTP seconds or *seconds from now, not '*-5'",
                "bad.config:12: max_upcoming_list_size must be a whole number from 0 to 1000, not '99999999999'"),
                errors(text));
    }

    @Test
    void aRepeatedKeyIsAWarningAndTheLastValueWins() throws PlaylistSyntaxException {
        DarwinConfigParser.Parsed parsed = PARSER.parse("rtsp_port 554\ncolor red\nRTSP_PORT 8554\ncolor blue\n", "r.config");
        assertEquals(8554, parsed.config().rtspPort());
        assertEquals(Map.of("color", "blue"), parsed.config().otherKeys());
        assertEquals(List.of("r.config:2: unknown key 'color' (kept, not used)",
                "r.config:3: RTSP_PORT was already set on line 1; the last value wins",
                "r.config:4: color was already set on line 2; the last value wins"), parsed.warnings());
    }

    @Test
    void longLinesAreRefused() {
        DarwinConfigParser narrow = new DarwinConfigParser(new PlaylistLimits(10, 8, 20));
        List<String> errors = assertThrows(PlaylistSyntaxException.class,
                () -> narrow.parse("rtsp_port 554\nplaylist_file /a/very/long/path.ply\n", "n.config")).errors();
        assertEquals(List.of("n.config:2: line longer than 20 characters"), errors);
    }
}
