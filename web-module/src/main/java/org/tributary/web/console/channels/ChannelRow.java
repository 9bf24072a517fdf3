package org.tributary.web.console.channels;

import org.tributary.api.ChannelKind;
import org.tributary.api.PlayLogEntry;
import org.tributary.ejb.channels.ChannelStatus;

import java.io.Serializable;

/**
 * One line of the Channels page.
 *
 * @param name       the channel's name
 * @param kind       "stream" or "radio"
 * @param mount      "/channels/news.sdp"
 * @param mode       the play mode's Darwin spelling
 * @param state      playing, live source, ended, failed or stopped
 * @param nowPlaying "channels/one.mp4 — One", or "—"
 * @param upNext     the next paths, comma-separated, or "—"
 * @param audience   viewers or listeners now
 * @param lastError  the last error, or null
 * @param playing    whether the adapter plays it (Skip)
 * @param running    whether it is stored as running (Stop rather than Start)
 * @param url        where players open it: rtsp:// for a stream, http:// for a radio
 * @param hlsUrl     a stream's HLS playlist, null for a radio
 */
public record ChannelRow(String name, String kind, String mount, String mode, String state, String nowPlaying,
                         String upNext, int audience, String lastError, boolean playing, boolean running, String url,
                         String hlsUrl) implements Serializable {

    /**
     * @param rtspUrl the channel's rtsp:// URL on the host the console was reached at
     * @param hlsUrl  its HLS playlist URL
     */
    public static ChannelRow of(ChannelStatus s, String rtspUrl, String hlsUrl) {
        boolean radio = s.spec().kind() == ChannelKind.RADIO;
        PlayLogEntry now = s.nowPlaying();
        return new ChannelRow(s.name(), radio ? "radio" : "stream", "/" + s.spec().mount(), s.spec().mode().configName(),
                s.state(), now == null ? "—" : now.path() + " — " + now.title(),
                s.upcoming().isEmpty() ? "—" : String.join(", ", s.upcoming()), s.audience(), s.lastError(),
                s.info() != null, s.running(), radio ? "http" + rtspUrl.substring("rtsp".length()) : rtspUrl,
                radio ? null : hlsUrl);
    }
}
