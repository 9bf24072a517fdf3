package org.tributary.ejb.console;

import jakarta.ejb.ApplicationException;

/** A change that clashes with what is stored: a name taken, or the last admin removed or demoted. */
@ApplicationException(rollback = true)
public class AccountConflictException extends RuntimeException {

    public AccountConflictException(String message) {
        super(message);
    }
}
