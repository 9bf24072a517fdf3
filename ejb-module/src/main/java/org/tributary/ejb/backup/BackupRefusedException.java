package org.tributary.ejb.backup;

import jakarta.ejb.ApplicationException;

/**
 * A backup the server cannot make itself, with the reason meant for the admin: the database is not the
 * embedded H2 (PostgreSQL has pg_dump), or the export could not be written (a full disk, a folder it may not
 * write to).
 */
@ApplicationException
public class BackupRefusedException extends RuntimeException {

    private final boolean unsupported;

    public BackupRefusedException(String message, boolean unsupported, Throwable cause) {
        super(message, cause);
        this.unsupported = unsupported;
    }

    /** True when this database is backed up with its own tools; false when writing the export failed. */
    public boolean unsupported() {
        return unsupported;
    }
}
