package org.tributary.ra.inbound;

import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import org.tributary.api.access.AccessListener;
import org.tributary.api.event.SessionEventListener;

/**
 * The activation spec of every Tributary message-driven bean. It has no properties yet: which listener
 * an MDB implements says what it receives.
 */
@Activation(messageListeners = {AccessListener.class, SessionEventListener.class})
public class TributaryActivationSpec implements ActivationSpec {

    private ResourceAdapter resourceAdapter;

    @Override
    public void validate() throws InvalidPropertyException {
        // Nothing to validate: the spec carries no properties.
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) {
        this.resourceAdapter = resourceAdapter;
    }
}
