package org.tributary.ra.outbound;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import org.tributary.ra.TributaryResourceAdapter;

import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The "physical" connection: a link to the in-process adapter. It tracks its handles so that
 * {@link #cleanup()} can detach them, and tells the pool when a handle is closed.
 */
final class TributaryManagedConnection implements ManagedConnection {

    private final TributaryManagedConnectionFactory factory;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<TributaryConnectionImpl> handles = new CopyOnWriteArrayList<>();
    private PrintWriter logWriter;

    TributaryManagedConnection(TributaryManagedConnectionFactory factory) {
        this.factory = factory;
    }

    TributaryManagedConnectionFactory factory() {
        return factory;
    }

    TributaryResourceAdapter adapter() throws ResourceException {
        return factory.adapter();
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) {
        TributaryConnectionImpl handle = new TributaryConnectionImpl(this);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof TributaryConnectionImpl handle)) {
            throw new ResourceException("not a Tributary connection handle: " + connection);
        }
        handle.associate(this);
        handles.add(handle);
    }

    void handleClosed(TributaryConnectionImpl handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        for (ConnectionEventListener listener : listeners) {
            listener.connectionClosed(event);
        }
    }

    void handleDetached(TributaryConnectionImpl handle) {
        handles.remove(handle);
    }

    @Override
    public void cleanup() {
        for (TributaryConnectionImpl handle : handles) {
            handle.detach();
        }
        handles.clear();
    }

    @Override
    public void destroy() {
        cleanup();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("Tributary connections are not transactional");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("Tributary connections are not transactional");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new TributaryConnectionMetaData();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }
}
