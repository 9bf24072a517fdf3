package org.tributary.api;

import org.tributary.api.playlist.PlayMode;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A channel as the adapter plays it now, for the console and the API.
 *
 * @param name         its name
 * @param mount        the canonical path it is served at
 * @param kind         stream or radio
 * @param mode         its play mode
 * @param state        "playing", "live source" (a radio station relaying an Icecast source), "ended" (a
 *                     sequential list played through), "failed" (see lastError) or "stopped"
 * @param nowPlaying   the item playing now (null when none)
 * @param upcoming     the items that play next, in order (Darwin's {@code .upcoming})
 * @param audience     viewers or listeners now
 * @param itemsPlayed  items started since the channel started
 * @param lastError    the last item that could not be played and why, or null
 * @param startedAt    when the channel started, or null
 * @param playLog      the most recent items started, newest last (at most {@link #PLAY_LOG_SIZE})
 */
public record ChannelInfo(String name, String mount, ChannelKind kind, PlayMode mode, String state,
                          PlayLogEntry nowPlaying, List<String> upcoming, int audience, long itemsPlayed,
                          String lastError, Instant startedAt, List<PlayLogEntry> playLog) implements Serializable {

    /** Play log lines the adapter keeps per channel (the log file keeps them all). */
    public static final int PLAY_LOG_SIZE = 200;

    public ChannelInfo {
        upcoming = List.copyOf(upcoming);
        playLog = List.copyOf(playLog);
    }
}
