package org.tributary.web.security;

import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.tributary.ejb.ldap.LdapConfig;

/**
 * A console login the LDAP directory validated. It has no local account, hence no password stamp: its
 * session carries {@link #STAMP} instead and holds while LDAP stays on and no local account takes the name;
 * its roles are those of its groups at login (a group change shows at the next login).
 */
public final class DirectoryLogin {

    /** The identity store id of {@link LdapIdentityStore}'s results. */
    public static final String STORE_ID = "ldap";
    /** What a directory login's session keeps in place of an account's password stamp. */
    public static final String STAMP = "ldap-directory";

    private DirectoryLogin() {
    }

    public static boolean validatedBy(CredentialValidationResult result) {
        return STORE_ID.equals(result.getIdentityStoreId());
    }

    /** Whether a session's login with no local account behind it still holds. */
    static boolean holds(ConsoleLogin login) {
        return STAMP.equals(login.passwordStamp()) && ldapOn();
    }

    private static boolean ldapOn() {
        try {
            return LdapConfig.from(System.getProperties()).isPresent();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
