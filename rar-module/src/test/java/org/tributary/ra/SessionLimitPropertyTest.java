package org.tributary.ra;

import jakarta.resource.spi.ResourceAdapterInternalException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bad tributary.session.max-per-address fails the deployment, before anything starts, naming the property. */
class SessionLimitPropertyTest {

    @Test
    void aNegativeLimitPerAddressFailsTheStartNamingTheProperty() {
        TributaryResourceAdapter adapter = new TributaryResourceAdapter();
        adapter.setMaxSessionsPerAddress(-1);
        String message = assertThrows(ResourceAdapterInternalException.class, () -> adapter.start(null)).getMessage();
        assertTrue(message.contains("maxSessionsPerAddress") && message.contains("tributary.session.max-per-address"),
                message);
    }
}
