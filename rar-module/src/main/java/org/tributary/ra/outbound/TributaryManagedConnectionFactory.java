package org.tributary.ra.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import org.tributary.api.TributaryConnection;
import org.tributary.api.TributaryConnectionFactory;
import org.tributary.ra.TributaryResourceAdapter;

import javax.security.auth.Subject;
import java.io.PrintWriter;
import java.util.Set;

/** Creates the connection factory applications look up, and the managed connections behind it. */
@ConnectionDefinition(connectionFactory = TributaryConnectionFactory.class,
        connectionFactoryImpl = TributaryConnectionFactoryImpl.class,
        connection = TributaryConnection.class,
        connectionImpl = TributaryConnectionImpl.class)
public class TributaryManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation {

    private static final long serialVersionUID = 1L;

    private transient TributaryResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;

    @Override
    public Object createConnectionFactory(ConnectionManager connectionManager) {
        return new TributaryConnectionFactoryImpl(this, connectionManager);
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        throw new ResourceException("Tributary connections are only available inside the application server");
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) {
        return new TributaryManagedConnection(this);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo info) {
        // Every managed connection reaches the same adapter, so any candidate of ours will do.
        for (Object candidate : candidates) {
            if (candidate instanceof TributaryManagedConnection mc && mc.factory() == this) {
                return mc;
            }
        }
        return null;
    }

    TributaryResourceAdapter adapter() throws ResourceException {
        if (resourceAdapter == null) {
            throw new ResourceException("the connection factory is not associated with the Tributary adapter");
        }
        return resourceAdapter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) {
        this.resourceAdapter = (TributaryResourceAdapter) adapter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    // No configuration of its own: all factories of one adapter are equal.
    @Override
    public boolean equals(Object o) {
        return o instanceof TributaryManagedConnectionFactory;
    }

    @Override
    public int hashCode() {
        return TributaryManagedConnectionFactory.class.hashCode();
    }
}
