package org.tributary.ejb.adapter;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.resource.ResourceException;
import org.tributary.api.AdapterStatus;
import org.tributary.api.TributaryConnection;
import org.tributary.api.TributaryConnectionFactory;

/** Reads and controls the running adapter; every call borrows a connection and returns it at once. */
@Stateless
public class AdapterClient {

    @Resource(lookup = TributaryConnectionFactory.JNDI_NAME)
    private TributaryConnectionFactory connectionFactory;

    /** Thrown when the adapter cannot be reached (not deployed, stopped). */
    public static class AdapterUnavailableException extends Exception {
        public AdapterUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public AdapterStatus status() throws AdapterUnavailableException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            return connection.status();
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }

    public java.util.List<org.tributary.api.SessionInfo> sessions() throws AdapterUnavailableException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            return connection.sessions();
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }

    /** Ends a session; false when it does not exist. */
    public boolean closeSession(String sessionId) throws AdapterUnavailableException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            return connection.closeSession(sessionId);
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }

    /**
     * Clears the adapter's access cache; when the adapter cannot be reached (not started yet, being
     * redeployed) logs it and returns false: its cache is then empty anyway or expires within seconds.
     */
    public boolean invalidateAccessCacheQuietly() {
        try {
            invalidateAccessCache();
            return true;
        } catch (AdapterUnavailableException e) {
            java.util.logging.Logger.getLogger(AdapterClient.class.getName()).warning(
                    "access data changed but the adapter's cache could not be cleared: " + e.getMessage());
            return false;
        }
    }

    /** Ends every session and takes the access records the adapter could not deliver yet. */
    public java.util.List<org.tributary.api.event.AccessRecord> endSessionsAndTakeRecords(String reason)
            throws AdapterUnavailableException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            return connection.endSessionsAndTakeRecords(reason);
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }

    /** Cumulative traffic counters and live counts. */
    public org.tributary.api.AdapterStatistics statistics() throws AdapterUnavailableException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            return connection.statistics();
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }

    /** The figures for WildFly's {@code /metrics} and the bound ports for readiness. */
    public org.tributary.api.AdapterMetrics metrics() throws AdapterUnavailableException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            return connection.metrics();
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }

    /** Every file of the media folder with its tracks and playability. */
    public java.util.List<org.tributary.api.MediaFileInfo> mediaCatalogue() throws AdapterUnavailableException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            return connection.mediaCatalogue();
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }

    /** The configured and the running settings. */
    public org.tributary.api.AdapterSettings settings() throws AdapterUnavailableException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            return connection.settings();
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }

    /** Hands new settings to the adapter; see {@link TributaryConnection#applySettings}. */
    public org.tributary.api.SettingsOutcome applySettings(org.tributary.api.settings.SettingValues wanted, boolean startup)
            throws AdapterUnavailableException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            return connection.applySettings(wanted, startup);
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }

    /** The live broadcasts (publisher sessions) now; {@link #closeSession} ends one. */
    public java.util.List<org.tributary.api.BroadcastInfo> broadcasts() throws AdapterUnavailableException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            return connection.broadcasts();
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }

    /** The channels running now. */
    public java.util.List<org.tributary.api.ChannelInfo> channels() throws AdapterUnavailableException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            return connection.channels();
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }

    /** Starts (or restarts) a channel; refused with a problem per file when an item does not fit. */
    public org.tributary.api.ChannelOutcome startChannel(org.tributary.api.ChannelDefinition definition) throws AdapterUnavailableException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            return connection.startChannel(definition);
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }

    /** Stops a channel; null when none of that name runs. */
    public org.tributary.api.ChannelInfo stopChannel(String name) throws AdapterUnavailableException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            return connection.stopChannel(name);
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }

    /** Ends the item playing now; null when none of that name runs. */
    public org.tributary.api.ChannelInfo skipChannelItem(String name) throws AdapterUnavailableException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            return connection.skipChannelItem(name);
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }

    /** Plays items next, checked like a start's. */
    public org.tributary.api.ChannelOutcome insertChannelItems(String name, java.util.List<org.tributary.api.playlist.PlaylistItem> items) throws AdapterUnavailableException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            return connection.insertChannelItems(name, items);
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }

    /** Plays from a new list after the current item, checked like a start's. */
    public org.tributary.api.ChannelOutcome replaceChannelPlaylist(String name, org.tributary.api.playlist.Playlist playlist) throws AdapterUnavailableException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            return connection.replaceChannelPlaylist(name, playlist);
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }

    /** The relays the adapter runs now. */
    public java.util.List<org.tributary.api.RelayInfo> relays() throws AdapterUnavailableException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            return connection.relays();
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }

    /** Runs a relay (new, or again with this definition). */
    public org.tributary.api.RelayInfo putRelay(org.tributary.api.RelayDefinition definition) throws AdapterUnavailableException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            return connection.putRelay(definition);
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }

    /** Stops and forgets a relay; null when none of that name runs. */
    public org.tributary.api.RelayInfo removeRelay(String name) throws AdapterUnavailableException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            return connection.removeRelay(name);
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }

    /** The live paths the adapter carries now: its own sources' and the copies pulled from other cluster nodes. */
    public org.tributary.api.LivePaths livePaths() throws AdapterUnavailableException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            return connection.livePaths();
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }

    /** Hands the adapter the cluster as seen now; null makes it a single server again. */
    public void applyClusterView(org.tributary.api.ClusterView view) throws AdapterUnavailableException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            connection.applyClusterView(view);
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }

    /** The local broadcasters with their state now. */
    public java.util.List<org.tributary.api.LocalBroadcasterInfo> localBroadcasters() throws AdapterUnavailableException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            return connection.localBroadcasters();
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }

    /** Starts a local broadcaster and keeps it running until stopped; null when there is no such one. */
    public org.tributary.api.LocalBroadcasterInfo startLocalBroadcaster(String name) throws AdapterUnavailableException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            return connection.startLocalBroadcaster(name);
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }

    /** Stops a local broadcaster's process; null when there is no such one. */
    public org.tributary.api.LocalBroadcasterInfo stopLocalBroadcaster(String name) throws AdapterUnavailableException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            return connection.stopLocalBroadcaster(name);
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }

    public void invalidateAccessCache() throws AdapterUnavailableException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            connection.invalidateAccessCache();
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }

    /** An HLS resource of a media file, or the adapter's refusal (status and message). */
    public org.tributary.api.HlsReply hls(org.tributary.api.HlsRequest request) throws AdapterUnavailableException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            return connection.hls(request);
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }

    /** A token for a bad path or lifetime: the message says which. */
    public static class HlsTokenRefusedException extends Exception {
        public HlsTokenRefusedException(String message) {
            super(message);
        }
    }

    /** A signed HLS token for one file, good for {@code seconds}. */
    public org.tributary.api.HlsToken mintHlsToken(String mediaPath, long seconds)
            throws AdapterUnavailableException, HlsTokenRefusedException {
        try (TributaryConnection connection = connectionFactory.getConnection()) {
            return connection.mintHlsToken(mediaPath, seconds);
        } catch (IllegalArgumentException e) {
            throw new HlsTokenRefusedException(e.getMessage());
        } catch (ResourceException e) {
            throw new AdapterUnavailableException("the streaming adapter is not available: " + e.getMessage(), e);
        }
    }
}
