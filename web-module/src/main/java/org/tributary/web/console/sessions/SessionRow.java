package org.tributary.web.console.sessions;

import org.tributary.api.SessionInfo;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * One line of the Sessions page, computed from the adapter's {@link SessionInfo} at one instant.
 *
 * @param id              the RTSP session id
 * @param address         the client's address
 * @param user            the authenticated streaming user, "" when anonymous
 * @param file            the presentation played
 * @param transport       udp, tcp or http
 * @param state           READY or PLAYING
 * @param player          the client's User-Agent, "" when it sent none
 * @param bitsPerSecond   the session's outgoing rate over the last second
 * @param lossPercent     packets the client reported lost, as a share of those sent
 * @param durationSeconds how long the session has existed
 * @param rtxRequested    lost packets the client asked for again (skip protection)
 * @param rtxSent         of those, resent
 * @param thinnedFrames   video frames not sent to spare the congested client
 */
public record SessionRow(String id, String address, String user, String file, String transport, String state,
                         String player, long bitsPerSecond, double lossPercent, long durationSeconds,
                         long rtxRequested, long rtxSent, long thinnedFrames)
        implements Serializable {

    public static SessionRow of(SessionInfo s, Instant now) {
        long seconds = Math.max(0, Duration.between(s.startedAt(), now).toSeconds());
        long sent = s.packetsSent();
        double loss = sent + s.packetsLost() == 0 ? 0 : 100.0 * s.packetsLost() / (sent + s.packetsLost());
        return new SessionRow(s.id(), s.clientAddress(), text(s.userName()), s.path(), s.transport(), s.state(),
                text(s.userAgent()), s.bitsPerSecond(), loss, seconds, s.rtxRequested(), s.rtxSent(),
                s.thinnedFrames());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** "1.2 Mbit/s", "350 kbit/s". */
    public String bitrate() {
        return bitrate(bitsPerSecond);
    }

    /** "1.2 Mbit/s", "350 kbit/s" for any rate (the Cluster page's nodes too). */
    public static String bitrate(long bitsPerSecond) {
        if (bitsPerSecond >= 1_000_000) {
            return String.format("%.1f Mbit/s", bitsPerSecond / 1e6);
        }
        return String.format("%d kbit/s", Math.round(bitsPerSecond / 1e3));
    }

    /**
     * "1.2 %", and for a session that asked for retransmissions "1.2 %, 14 of 15 resent", for one that was
     * thinned "…, 120 frames thinned".
     */
    public String loss() {
        String loss = String.format("%.1f %%", lossPercent);
        loss = rtxRequested == 0 ? loss : loss + ", " + rtxSent + " of " + rtxRequested + " resent";
        return thinnedFrames == 0 ? loss : loss + ", " + thinnedFrames + " frames thinned";
    }

    /** "0:42", "1:02:03". */
    public String duration() {
        return duration(durationSeconds);
    }

    static String duration(long durationSeconds) {
        long h = durationSeconds / 3600;
        long m = durationSeconds / 60 % 60;
        long s = durationSeconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }

    /** Whether any shown column contains the text (case-insensitive). */
    boolean matches(String filter) {
        String f = filter.toLowerCase(java.util.Locale.ROOT);
        for (String column : new String[] {address, user, file, transport, state, player, id}) {
            if (column.toLowerCase(java.util.Locale.ROOT).contains(f)) {
                return true;
            }
        }
        return false;
    }
}
