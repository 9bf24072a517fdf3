package org.tributary.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.tributary.ejb.console.ConsoleAccountService;

import java.util.logging.Logger;

/**
 * Checks console logins against the stored PBKDF2 hashes. A valid login carries its role and the roles
 * below it (an admin is also operator and viewer). A failed login is logged with the name, never the
 * password.
 */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(ConsoleIdentityStore.class.getName());

    @EJB
    private ConsoleAccountService accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String name = login.getCaller();
        return accounts.authenticate(name, login.getPasswordAsString())
                .map(role -> new CredentialValidationResult(name, role.grantedRoleNames()))
                .orElseGet(() -> {
                    LOG.warning("console login refused for user '" + ConsoleLoginGuard.printable(name) + "'");
                    return CredentialValidationResult.INVALID_RESULT;
                });
    }
}
