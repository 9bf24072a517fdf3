package org.tributary.api;

import jakarta.resource.ResourceException;

/**
 * A handle on the running adapter. Obtain it from {@link TributaryConnectionFactory}, use it, close it
 * (try-with-resources). Every call fails with {@link ResourceException} once the handle is closed.
 */
public interface TributaryConnection extends AutoCloseable {

    /** Ports, uptime, open connections and sessions, read live from the adapter. */
    AdapterStatus status() throws ResourceException;

    /**
     * Forgets every cached access decision, so the next request asks the EJB side again. Called by the
     * EJB side whenever a rule or a user changes.
     */
    void invalidateAccessCache() throws ResourceException;

    /** The sessions alive now: RTSP sessions, then MP3-over-HTTP streams (transport "HTTP"). */
    java.util.List<SessionInfo> sessions() throws ResourceException;

    /**
     * Ends a session as an administrator would: streaming stops, an RTP client gets an RTCP BYE; for an
     * MP3-over-HTTP stream the connection closes after the current write (its access record still comes).
     *
     * @return false when no such session exists
     */
    boolean closeSession(String sessionId) throws ResourceException;

    /**
     * For the EJB side going away (its message-driven bean already stopped): ends every session and hands
     * over the access records not yet delivered, theirs included, so a stop loses no log line.
     */
    java.util.List<org.tributary.api.event.AccessRecord> endSessionsAndTakeRecords(String reason) throws ResourceException;

    /** Cumulative traffic counters and live counts, for the console's statistics sampler. */
    AdapterStatistics statistics() throws ResourceException;

    /** The figures WildFly's {@code /metrics} publishes as {@code tributary_*}, and the bound ports for readiness. */
    AdapterMetrics metrics() throws ResourceException;

    /** Every file under the media root, with its tracks and whether (or why not) it can be streamed. */
    java.util.List<MediaFileInfo> mediaCatalogue() throws ResourceException;

    /** The settings the deployment configured and those in effect now. */
    AdapterSettings settings() throws ResourceException;

    /**
     * Applies new settings. Limits, timeouts, the media folder and authentication change at once; the
     * RTSP and tunnel ports are rebound (open connections stay); the bind address and the RTP port pair
     * change only at {@code startup} (no session can be using them yet), otherwise they are reported as
     * needing a restart.
     *
     * @param startup true when the EJB side pushes its stored settings as the application starts
     */
    SettingsOutcome applySettings(org.tributary.api.settings.SettingValues wanted, boolean startup) throws ResourceException;

    /** The local broadcasters of the server's broadcasters file, in its order, with their state now. */
    java.util.List<LocalBroadcasterInfo> localBroadcasters() throws ResourceException;

    /**
     * Starts a local broadcaster and keeps it running (an on-demand one too, until it is stopped) however
     * many viewers it has.
     *
     * @return its state after the start, or null when there is no such broadcaster
     */
    LocalBroadcasterInfo startLocalBroadcaster(String name) throws ResourceException;

    /**
     * Stops a local broadcaster's process (an on-demand one starts again at its next viewer).
     *
     * @return its state after the stop began, or null when there is no such broadcaster
     */
    LocalBroadcasterInfo stopLocalBroadcaster(String name) throws ResourceException;

    /** The live broadcasts (publisher sessions) now; {@link #closeSession} ends one by its id. */
    java.util.List<BroadcastInfo> broadcasts() throws ResourceException;

    /**
     * An HLS resource of a media file ("index.m3u8", "media.m3u8", "init.mp4", "seg&lt;N&gt;.m4s"), or a refusal
     * with its status and message. The adapter decides access: the request's token, else the folder rules
     * with the request's credentials, as for RTSP.
     */
    HlsReply hls(HlsRequest request) throws ResourceException;

    /**
     * A token that lets anyone holding it play one file over HLS for {@code seconds} (60 to 604800).
     *
     * @throws IllegalArgumentException for a malformed path, one outside the media folder, or a lifetime out of range
     */
    HlsToken mintHlsToken(String mediaPath, long seconds) throws ResourceException;

    /** The channels the adapter plays now (stopped ones are forgotten), in name order. */
    java.util.List<ChannelInfo> channels() throws ResourceException;

    /**
     * Starts a channel, or restarts it with a new definition when one of that name runs. Every item is checked
     * first (it exists, it can be played, its tracks match the reference item's); a refusal names each file
     * and what differs, and leaves a running channel as it was.
     */
    ChannelOutcome startChannel(ChannelDefinition definition) throws ResourceException;

    /** Stops a channel: its viewers or listeners are ended. @return its last state, or null when none runs */
    ChannelInfo stopChannel(String name) throws ResourceException;

    /** Ends the item playing now; the next one starts at once. @return the state after, or null when none runs */
    ChannelInfo skipChannelItem(String name) throws ResourceException;

    /**
     * Plays items next, ahead of the list (Darwin's {@code .insertlist}), checked like a start's.
     *
     * @return the outcome, with a null channel when none of that name runs
     */
    ChannelOutcome insertChannelItems(String name, java.util.List<org.tributary.api.playlist.PlaylistItem> items)
            throws ResourceException;

    /** Plays from a new list after the current item (Darwin's {@code .replacelist}), checked like a start's. */
    ChannelOutcome replaceChannelPlaylist(String name, org.tributary.api.playlist.Playlist playlist)
            throws ResourceException;

    /** The relays the adapter runs now, in name order. */
    java.util.List<RelayInfo> relays() throws ResourceException;

    /**
     * Runs a relay (a new one, or one of that name again with this definition; a disabled one stops).
     *
     * @throws IllegalArgumentException when its path is malformed or outside the media folder
     */
    RelayInfo putRelay(RelayDefinition definition) throws ResourceException;

    /** Stops and forgets a relay (a pull relay's viewers are ended). @return its last state, or null when none */
    RelayInfo removeRelay(String name) throws ResourceException;

    /** The live paths this server carries now: its own sources', and the copies pulled from other cluster nodes. */
    LivePaths livePaths() throws ResourceException;

    /**
     * The cluster as the EJB side sees it now (called at each heartbeat of a cluster node). The adapter redirects
     * DESCRIBEs by it and pulls live paths it lacks from the node that has them; with null (or when no view comes
     * for the view's {@code validSeconds}) it serves everything itself and stops its cluster pulls.
     */
    void applyClusterView(ClusterView view) throws ResourceException;

    @Override
    void close() throws ResourceException;
}
