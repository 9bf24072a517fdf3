package org.tributary.ejb.channels;

import org.tributary.api.ChannelInfo;
import org.tributary.api.PlayLogEntry;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A stored channel with what the adapter plays of it now.
 *
 * @param spec          its definition
 * @param running       whether it is stored as running
 * @param info          the adapter's state of it, or null when the adapter does not play it
 * @param startProblems why its last start at deployment was refused (one a line), or null
 * @param created       when it was created
 * @param updated       when its definition last changed
 * @param onOrigin      whether this server is a cluster edge, whose adapter plays no channels: the origin plays them
 */
public record ChannelStatus(ChannelSpec spec, boolean running, ChannelInfo info, String startProblems,
                            Instant created, Instant updated, boolean onOrigin) implements Serializable {

    /** The state of a running channel seen from an edge: the origin plays it, and edges pull it on demand. */
    public static final String ON_ORIGIN = "on the origin";

    static final String NOT_RESTARTED = "not playing: it is stored as running but the server has not started it"
            + " again (see the server log)";

    /** A channel on a single server or the origin. */
    public ChannelStatus(ChannelSpec spec, boolean running, ChannelInfo info, String startProblems, Instant created,
                         Instant updated) {
        this(spec, running, info, startProblems, created, updated, false);
    }

    static ChannelStatus of(PlaylistChannel c, ChannelInfo info, boolean onOrigin) {
        return new ChannelStatus(c.spec(), c.isRunning(), info, c.getStartProblems(), c.getCreated(), c.getUpdated(),
                onOrigin);
    }

    public String name() {
        return spec.name();
    }

    /**
     * The adapter's state ("playing", "live source", "ended", "failed"); "failed" for one stored as running
     * that the adapter does not play (refused at deployment), "on the origin" for one stored as running seen from a
     * cluster edge; "stopped" otherwise.
     */
    public String state() {
        if (info != null) {
            return info.state();
        }
        if (!running) {
            return "stopped";
        }
        return onOrigin ? ON_ORIGIN : "failed";
    }

    /** The adapter's last error; for one stored as running that does not play, why. Null when none. */
    public String lastError() {
        if (info != null) {
            return info.lastError();
        }
        if (!running || onOrigin) {
            return null;
        }
        return startProblems == null ? NOT_RESTARTED : "not playing: refused at startup: " + startProblems.replace("\n", "; ");
    }

    public PlayLogEntry nowPlaying() {
        return info == null ? null : info.nowPlaying();
    }

    public List<String> upcoming() {
        return info == null ? List.of() : info.upcoming();
    }

    public int audience() {
        return info == null ? 0 : info.audience();
    }

    public long itemsPlayed() {
        return info == null ? 0 : info.itemsPlayed();
    }

    public Instant startedAt() {
        return info == null ? null : info.startedAt();
    }

    /** The recent items started, newest last; empty when not playing. */
    public List<PlayLogEntry> playLog() {
        return info == null ? List.of() : info.playLog();
    }
}
