package org.tributary.web.console.relays;

import org.tributary.api.RelayDefinition;
import org.tributary.ejb.relays.RelayStatus;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One line of the Relays page. No password, and no user name: the list is the same for every role.
 *
 * @param name        the relay's name
 * @param direction   "pull" or "push"
 * @param path        "/live/cam1.sdp"
 * @param url         the other server's URL
 * @param arrow       "←" (pull: the path reads the URL) or "→" (push: the path goes to the URL)
 * @param mode        "always" or "on-demand"
 * @param state       the adapter's state, "disabled" or "not running"
 * @param bitRate     "1.5 Mbit/s", or "—"
 * @param viewers     readers of a pull relay now
 * @param reconnects  connections made again after a loss
 * @param lastError   the last error, or null
 * @param lastErrorAt when it happened ("2026-12-05 20:00:00"), or null
 * @param codecs      the relayed codecs, or null
 * @param enabled     whether it is enabled (Disable rather than Enable)
 */
public record RelayRow(String name, String direction, String path, String url, String arrow, String mode, String state,
                       String bitRate, int viewers, long reconnects, String lastError, String lastErrorAt, String codecs,
                       boolean enabled) implements Serializable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    static RelayRow of(RelayStatus s, ZoneId zone) {
        boolean pull = s.spec().direction() == RelayDefinition.Direction.PULL;
        return new RelayRow(s.name(), pull ? "pull" : "push", "/" + s.spec().path(), s.spec().url(), pull ? "←" : "→",
                s.mode(), s.state(), bitRate(s.bitsPerSecond(), s.info() != null), s.viewers(), s.reconnects(),
                s.lastError(), time(s.lastErrorAt(), zone), s.codecs(), s.spec().enabled());
    }

    /** A bit rate for people: "850 kbit/s", "1.5 Mbit/s"; "—" when the relay does not run. */
    static String bitRate(long bitsPerSecond, boolean running) {
        if (!running) {
            return "—";
        }
        if (bitsPerSecond >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f Mbit/s", bitsPerSecond / 1_000_000.0);
        }
        return (bitsPerSecond + 500) / 1000 + " kbit/s";
    }

    private static String time(Instant at, ZoneId zone) {
        return at == null ? null : TIME.format(at.atZone(zone));
    }
}
