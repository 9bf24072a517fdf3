package org.tributary.ra.outbound;

import jakarta.resource.ResourceException;
import org.tributary.api.AdapterStatus;
import org.tributary.api.TributaryConnection;

/**
 * The handle an application holds. Every call checks that the handle is still attached to a managed
 * connection; after {@link #close()} (or when the pool cleans up) calls fail with a clear message.
 */
final class TributaryConnectionImpl implements TributaryConnection {

    private volatile TributaryManagedConnection managedConnection;

    TributaryConnectionImpl(TributaryManagedConnection managedConnection) {
        this.managedConnection = managedConnection;
    }

    void associate(TributaryManagedConnection managedConnection) {
        TributaryManagedConnection previous = this.managedConnection;
        if (previous != null && previous != managedConnection) {
            previous.handleDetached(this);
        }
        this.managedConnection = managedConnection;
    }

    void detach() {
        managedConnection = null;
    }

    private TributaryManagedConnection checkValidity() throws ResourceException {
        TributaryManagedConnection mc = managedConnection;
        if (mc == null) {
            throw new ResourceException("this Tributary connection is closed");
        }
        return mc;
    }

    @Override
    public AdapterStatus status() throws ResourceException {
        try {
            return checkValidity().adapter().facade().status();
        } catch (IllegalStateException e) {
            throw new ResourceException(e.getMessage(), e);
        }
    }

    @Override
    public void invalidateAccessCache() throws ResourceException {
        try {
            checkValidity().adapter().facade().invalidateAccessCache();
        } catch (IllegalStateException e) {
            // not started: nothing is cached
        }
    }

    @Override
    public java.util.List<org.tributary.api.SessionInfo> sessions() throws ResourceException {
        try {
            return checkValidity().adapter().facade().sessionInfos();
        } catch (IllegalStateException e) {
            return java.util.List.of(); // not started: no session
        }
    }

    @Override
    public boolean closeSession(String sessionId) throws ResourceException {
        try {
            return checkValidity().adapter().facade().closeSession(sessionId);
        } catch (IllegalStateException e) {
            return false; // not started: no session to end
        }
    }

    @Override
    public java.util.List<org.tributary.api.event.AccessRecord> endSessionsAndTakeRecords(String reason)
            throws ResourceException {
        try {
            return checkValidity().adapter().facade().endSessionsAndTakeRecords(reason);
        } catch (IllegalStateException e) {
            return java.util.List.of(); // not started: no session, no queued record
        }
    }

    @Override
    public org.tributary.api.AdapterStatistics statistics() throws ResourceException {
        try {
            return checkValidity().adapter().facade().statistics();
        } catch (IllegalStateException e) {
            throw new ResourceException(e.getMessage(), e);
        }
    }

    @Override
    public org.tributary.api.AdapterMetrics metrics() throws ResourceException {
        try {
            return checkValidity().adapter().facade().metrics();
        } catch (IllegalStateException e) {
            throw new ResourceException(e.getMessage(), e);
        }
    }

    @Override
    public java.util.List<org.tributary.api.MediaFileInfo> mediaCatalogue() throws ResourceException {
        try {
            return checkValidity().adapter().facade().mediaCatalogue();
        } catch (IllegalStateException | java.io.IOException e) {
            throw new ResourceException("cannot list the media folder: " + e.getMessage(), e);
        }
    }

    @Override
    public org.tributary.api.AdapterSettings settings() throws ResourceException {
        try {
            return checkValidity().adapter().facade().settings();
        } catch (IllegalStateException e) {
            throw new ResourceException(e.getMessage(), e);
        }
    }

    @Override
    public org.tributary.api.SettingsOutcome applySettings(org.tributary.api.settings.SettingValues wanted, boolean startup)
            throws ResourceException {
        try {
            return checkValidity().adapter().facade().applySettings(wanted, startup);
        } catch (IllegalStateException e) {
            throw new ResourceException(e.getMessage(), e);
        }
    }

    @Override
    public java.util.List<org.tributary.api.LocalBroadcasterInfo> localBroadcasters() throws ResourceException {
        try {
            return checkValidity().adapter().facade().localBroadcasters();
        } catch (IllegalStateException e) {
            throw new ResourceException(e.getMessage(), e);
        }
    }

    @Override
    public org.tributary.api.LivePaths livePaths() throws ResourceException {
        try {
            return checkValidity().adapter().facade().livePaths();
        } catch (IllegalStateException e) {
            throw new ResourceException(e.getMessage(), e);
        }
    }

    @Override
    public void applyClusterView(org.tributary.api.ClusterView view) throws ResourceException {
        try {
            checkValidity().adapter().facade().applyClusterView(view);
        } catch (IllegalStateException e) {
            throw new ResourceException(e.getMessage(), e);
        }
    }

    @Override
    public java.util.List<org.tributary.api.RelayInfo> relays() throws ResourceException {
        try {
            return checkValidity().adapter().facade().relays();
        } catch (IllegalStateException e) {
            throw new ResourceException(e.getMessage(), e);
        }
    }

    @Override
    public org.tributary.api.RelayInfo putRelay(org.tributary.api.RelayDefinition definition) throws ResourceException {
        try {
            return checkValidity().adapter().facade().putRelay(definition);
        } catch (IllegalStateException | IllegalArgumentException e) { // a refusal (limit, path) reads as its message
            throw new ResourceException(e.getMessage(), e);
        }
    }

    @Override
    public org.tributary.api.RelayInfo removeRelay(String name) throws ResourceException {
        try {
            return checkValidity().adapter().facade().removeRelay(name);
        } catch (IllegalStateException e) {
            throw new ResourceException(e.getMessage(), e);
        }
    }

    @Override
    public org.tributary.api.LocalBroadcasterInfo startLocalBroadcaster(String name) throws ResourceException {
        try {
            return checkValidity().adapter().facade().startLocalBroadcaster(name);
        } catch (IllegalStateException e) {
            throw new ResourceException(e.getMessage(), e);
        }
    }

    @Override
    public java.util.List<org.tributary.api.BroadcastInfo> broadcasts() throws ResourceException {
        try {
            return checkValidity().adapter().facade().broadcasts();
        } catch (IllegalStateException e) {
            throw new ResourceException(e.getMessage(), e);
        }
    }

    @Override
    public org.tributary.api.LocalBroadcasterInfo stopLocalBroadcaster(String name) throws ResourceException {
        try {
            return checkValidity().adapter().facade().stopLocalBroadcaster(name);
        } catch (IllegalStateException e) {
            throw new ResourceException(e.getMessage(), e);
        }
    }

    @Override
    public java.util.List<org.tributary.api.ChannelInfo> channels() throws ResourceException {
        try {
            return checkValidity().adapter().facade().channels();
        } catch (IllegalStateException e) {
            throw new ResourceException(e.getMessage(), e);
        }
    }

    @Override
    public org.tributary.api.ChannelOutcome startChannel(org.tributary.api.ChannelDefinition definition) throws ResourceException {
        try {
            return checkValidity().adapter().facade().startChannel(definition);
        } catch (IllegalStateException e) {
            throw new ResourceException(e.getMessage(), e);
        }
    }

    @Override
    public org.tributary.api.ChannelInfo stopChannel(String name) throws ResourceException {
        try {
            return checkValidity().adapter().facade().stopChannel(name);
        } catch (IllegalStateException e) {
            throw new ResourceException(e.getMessage(), e);
        }
    }

    @Override
    public org.tributary.api.ChannelInfo skipChannelItem(String name) throws ResourceException {
        try {
            return checkValidity().adapter().facade().skipChannelItem(name);
        } catch (IllegalStateException e) {
            throw new ResourceException(e.getMessage(), e);
        }
    }

    @Override
    public org.tributary.api.ChannelOutcome insertChannelItems(String name, java.util.List<org.tributary.api.playlist.PlaylistItem> items) throws ResourceException {
        try {
            return checkValidity().adapter().facade().insertChannelItems(name, items);
        } catch (IllegalStateException e) {
            throw new ResourceException(e.getMessage(), e);
        }
    }

    @Override
    public org.tributary.api.ChannelOutcome replaceChannelPlaylist(String name, org.tributary.api.playlist.Playlist playlist) throws ResourceException {
        try {
            return checkValidity().adapter().facade().replaceChannelPlaylist(name, playlist);
        } catch (IllegalStateException e) {
            throw new ResourceException(e.getMessage(), e);
        }
    }

    @Override
    public org.tributary.api.HlsReply hls(org.tributary.api.HlsRequest request) throws ResourceException {
        try {
            return checkValidity().adapter().facade().hls(request);
        } catch (IllegalStateException e) {
            return org.tributary.api.HlsReply.refused(503, "the streaming adapter is not started");
        }
    }

    @Override
    public org.tributary.api.HlsToken mintHlsToken(String mediaPath, long seconds) throws ResourceException {
        try {
            return checkValidity().adapter().facade().mintHlsToken(mediaPath, seconds);
        } catch (IllegalStateException e) {
            throw new ResourceException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        TributaryManagedConnection mc = managedConnection;
        if (mc != null) {
            managedConnection = null;
            mc.handleClosed(this);
        }
    }
}
