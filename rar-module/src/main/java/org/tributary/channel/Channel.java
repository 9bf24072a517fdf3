package org.tributary.channel;

import org.tributary.api.ChannelInfo;
import org.tributary.api.playlist.PlaylistItem;

import java.time.Instant;
import java.util.List;

/** One running channel of some kind: its programme, where it is served and who is listening. */
public interface Channel {

    /** The canonical path it is served at. */
    String mount();

    ChannelProgramme programme();

    /** "playing", "live source", "ended" or "failed" (see {@link ChannelInfo#state()}). */
    String state();

    /** Viewers or listeners now. */
    int audience();

    Instant startedAt();

    /**
     * Why each of these items could not join this running channel (missing, unreadable, tracks that differ
     * from the channel's), one line per problem naming the file; empty when all can.
     */
    List<String> check(List<PlaylistItem> items);

    /** Stops feeding and ends the audience; idempotent. */
    void stop();

    default ChannelInfo info() {
        return programme().info(mount(), state(), audience(), startedAt());
    }
}
