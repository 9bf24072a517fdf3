package org.tributary.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.tributary.ejb.console.ConsoleAccountService;
import org.tributary.ejb.console.ConsoleRole;
import org.tributary.ejb.ldap.DirectoryUnavailableException;
import org.tributary.ejb.ldap.LdapConfig;
import org.tributary.ejb.ldap.LdapDirectory;
import org.tributary.ejb.ldap.LdapUser;

import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Console logins from the LDAP directory, beside the local accounts ({@link ConsoleIdentityStore} is asked
 * first). The role comes from the user's groups ({@code tributary.ldap.admin-group}, ...); a directory user in
 * none of them logs in with no role, so every console page and API call answers 403. Off while
 * {@code tributary.ldap.url} is unset; when the directory is down the login is not validated here and a
 * warning says why, so local accounts keep working.
 */
@ApplicationScoped
public class LdapIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(LdapIdentityStore.class.getName());

    @EJB
    private ConsoleAccountService accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Optional<LdapConfig> config;
        try {
            config = LdapConfig.from(System.getProperties());
        } catch (IllegalArgumentException e) {
            LOG.warning("LDAP login skipped: " + e.getMessage());
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        if (config.isEmpty()) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String name = login.getCaller();
        if (accounts.loginState(name).isPresent()) {
            // A local account's name is its own: a directory entry of the same name must not sign in as it.
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        try {
            Optional<LdapUser> user = new LdapDirectory(config.get()).authenticate(name, login.getPasswordAsString());
            if (user.isEmpty()) {
                LOG.warning("LDAP console login refused for user '" + ConsoleLoginGuard.printable(name) + "'");
                return CredentialValidationResult.INVALID_RESULT;
            }
            Set<String> roles = config.get().consoleRole(user.get().groups())
                    .map(role -> ConsoleRole.parse(role).grantedRoleNames()).orElse(Set.of());
            return new CredentialValidationResult(DirectoryLogin.STORE_ID, new CallerPrincipal(name), user.get().dn(),
                    null, roles);
        } catch (DirectoryUnavailableException e) {
            LOG.warning("LDAP login skipped for user '" + ConsoleLoginGuard.printable(name) + "': " + e.getMessage());
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
    }

    /** After the local accounts (priority 100); a local account's name is never sent to the directory. */
    @Override
    public int priority() {
        return 200;
    }
}
