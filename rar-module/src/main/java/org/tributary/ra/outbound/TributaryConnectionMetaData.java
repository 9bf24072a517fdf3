package org.tributary.ra.outbound;

import jakarta.resource.spi.ManagedConnectionMetaData;
import org.tributary.ra.TributaryResourceAdapter;

/** Describes the adapter to the application server's management. */
final class TributaryConnectionMetaData implements ManagedConnectionMetaData {

    @Override
    public String getEISProductName() {
        return "Tributary";
    }

    @Override
    public String getEISProductVersion() {
        return TributaryResourceAdapter.VERSION;
    }

    @Override
    public int getMaxConnections() {
        return 0;
    }

    @Override
    public String getUserName() {
        return null;
    }
}
