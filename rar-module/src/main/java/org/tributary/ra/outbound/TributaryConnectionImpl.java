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
            return checkValidity().adapter().status();
        } catch (IllegalStateException e) {
            throw new ResourceException(e.getMessage(), e);
        }
    }

    @Override
    public void invalidateAccessCache() throws ResourceException {
        checkValidity().adapter().accessGate().clear();
    }

    @Override
    public java.util.List<org.tributary.api.SessionInfo> sessions() throws ResourceException {
        return checkValidity().adapter().sessionInfos();
    }

    @Override
    public boolean closeSession(String sessionId) throws ResourceException {
        return checkValidity().adapter().closeSession(sessionId);
    }

    @Override
    public java.util.List<org.tributary.api.event.AccessRecord> endSessionsAndTakeRecords(String reason)
            throws ResourceException {
        return checkValidity().adapter().endSessionsAndTakeRecords(reason);
    }

    @Override
    public org.tributary.api.AdapterStatistics statistics() throws ResourceException {
        try {
            return checkValidity().adapter().statistics();
        } catch (IllegalStateException e) {
            throw new ResourceException(e.getMessage(), e);
        }
    }

    @Override
    public java.util.List<org.tributary.api.MediaFileInfo> mediaCatalogue() throws ResourceException {
        try {
            return checkValidity().adapter().mediaCatalogue();
        } catch (IllegalStateException | java.io.IOException e) {
            throw new ResourceException("cannot list the media folder: " + e.getMessage(), e);
        }
    }

    @Override
    public org.tributary.api.AdapterSettings settings() throws ResourceException {
        try {
            return checkValidity().adapter().settings();
        } catch (IllegalStateException e) {
            throw new ResourceException(e.getMessage(), e);
        }
    }

    @Override
    public org.tributary.api.SettingsOutcome applySettings(org.tributary.api.RuntimeSettings wanted, boolean startup)
            throws ResourceException {
        try {
            return checkValidity().adapter().applySettings(wanted, startup);
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
