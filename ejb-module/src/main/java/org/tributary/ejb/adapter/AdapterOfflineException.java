package org.tributary.ejb.adapter;

import jakarta.ejb.ApplicationException;

/**
 * The console's services (settings, statistics, media library) need the adapter and it cannot be reached
 * (not started, being redeployed). Unchecked so pages and resources need no try block for a rare case;
 * an application exception so the container hands it over as is instead of logging a system failure.
 */
@ApplicationException(rollback = true)
public class AdapterOfflineException extends RuntimeException {

    public AdapterOfflineException(String message, Throwable cause) {
        super(message, cause);
    }
}
