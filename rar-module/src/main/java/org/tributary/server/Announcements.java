package org.tributary.server;

import org.tributary.stream.AnnouncedPresentation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What publishers announced, by canonical path: the ANNOUNCE that the SETUPs (mode=record) and the RECORD of
 * a broadcast refer to. At most one per path: a path is announced by one open connection at a time. An
 * announcement lasts until its connection closes or its broadcast ends.
 */
final class Announcements {

    /** One ANNOUNCE: the presentation and the connection (for a tunnel, its GET half) that made it. */
    record Announcement(String path, AnnouncedPresentation presentation, RtspConnection owner) {
    }

    /** Paths one connection may hold announced at once: an encoder publishes one or a few. */
    static final int MAX_PER_CONNECTION = 16;

    private final Map<String, Announcement> byPath = new ConcurrentHashMap<>();

    /**
     * Records an ANNOUNCE, replacing the connection's own earlier one for the path or one whose connection
     * closed.
     *
     * @return null when recorded; else the announcement of another open connection that holds the path
     * @throws IllegalStateException when the connection holds {@link #MAX_PER_CONNECTION} other announcements
     */
    Announcement announce(String path, AnnouncedPresentation presentation, RtspConnection owner) {
        long held = byPath.values().stream().filter(a -> a.owner() == owner && !a.path().equals(path)).count();
        if (held >= MAX_PER_CONNECTION) {
            throw new IllegalStateException("this connection already announced " + held + " paths (at most "
                    + MAX_PER_CONNECTION + ")");
        }
        Announcement made = new Announcement(path, presentation, owner);
        Announcement[] holder = new Announcement[1];
        byPath.compute(path, (p, current) -> {
            if (current == null || current.owner() == owner || current.owner().isClosed()) {
                return made;
            }
            holder[0] = current;
            return current;
        });
        return holder[0];
    }

    /** The announcement of a path, or null. */
    Announcement of(String path) {
        return path == null ? null : byPath.get(path);
    }

    /**
     * The track a publisher's SETUP URL names: the last segment is one of the announced controls of the
     * path before it. -1 when that path has no announcement or no such control.
     */
    int trackOf(String path, String lastSegment) {
        Announcement announcement = of(path);
        return announcement == null ? -1 : announcement.presentation().trackOfControl(lastSegment);
    }

    /** Forgets an announcement when its broadcast ended. */
    void forget(String path, RtspConnection owner) {
        byPath.computeIfPresent(path, (p, current) -> current.owner() == owner ? null : current);
    }

    /** Forgets what a closed connection announced. */
    void forgetAll(RtspConnection owner) {
        byPath.values().removeIf(a -> a.owner() == owner);
    }

    int size() {
        return byPath.size();
    }
}
