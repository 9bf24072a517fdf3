package org.tributary.ejb.logs;

import java.time.Instant;

/**
 * What the history is filtered by; every part may be null (no filter).
 *
 * @param from   sessions that ended at or after this instant
 * @param to     sessions that ended before this instant
 * @param path   the path contains this text
 * @param user   exactly this user name
 * @param client exactly this client address
 * @param status exactly this status
 * @param node   served by exactly this cluster node
 */
public record HistoryFilter(Instant from, Instant to, String path, String user, String client, Integer status,
                            String node) {

    public static final HistoryFilter ALL = new HistoryFilter(null, null, null, null, null, null, null);

    /** A filter of any node. */
    public HistoryFilter(Instant from, Instant to, String path, String user, String client, Integer status) {
        this(from, to, path, user, client, status, null);
    }
}
