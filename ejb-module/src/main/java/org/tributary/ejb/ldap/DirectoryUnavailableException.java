package org.tributary.ejb.ldap;

/** The directory could not be asked (down, too slow, the service account refused): the login was not checked. */
public class DirectoryUnavailableException extends Exception {

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
