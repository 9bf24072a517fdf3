package org.tributary.ra.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import org.tributary.api.TributaryConnection;
import org.tributary.api.TributaryConnectionFactory;

import javax.naming.Reference;

/** What {@code java:/eis/Tributary} resolves to: hands out connection handles through the pool. */
public class TributaryConnectionFactoryImpl implements TributaryConnectionFactory {

    private static final long serialVersionUID = 1L;

    private final transient TributaryManagedConnectionFactory factory;
    private final transient ConnectionManager connectionManager;
    private Reference reference;

    public TributaryConnectionFactoryImpl(TributaryManagedConnectionFactory factory, ConnectionManager connectionManager) {
        this.factory = factory;
        this.connectionManager = connectionManager;
    }

    @Override
    public TributaryConnection getConnection() throws ResourceException {
        return (TributaryConnection) connectionManager.allocateConnection(factory, null);
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
