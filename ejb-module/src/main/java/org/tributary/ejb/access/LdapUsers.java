package org.tributary.ejb.access;

import org.tributary.api.access.Credentials;
import org.tributary.api.access.DigestMath;
import org.tributary.api.access.MediaPaths;
import org.tributary.api.access.UserHashes;
import org.tributary.ejb.ldap.DirectoryUnavailableException;
import org.tributary.ejb.ldap.LdapUser;
import org.tributary.rtsp.header.AuthScheme;
import org.tributary.rtsp.header.DigestAlgorithm;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The local users first, then, for a name that is not one of them, the LDAP directory. One per decision:
 * it knows the request's credentials and the rule's realm. A directory user's password is checked with a
 * bind, so only Basic can work (Digest needs a stored hash); the verified password becomes the user's
 * hashes in the decision, which the adapter keeps briefly as it does a local user's. The user's LDAP
 * groups count like local groups in the rules.
 */
final class LdapUsers implements Directory {

    private static final Logger LOG = Logger.getLogger(LdapUsers.class.getName());

    /** The directory's check of a name and password. */
    interface Logins {
        Optional<LdapUser> authenticate(String name, String password) throws DirectoryUnavailableException;
    }

    private final Directory local;
    private final Logins ldap;
    private final Credentials credentials;
    private final String realm;
    private LdapUser found;

    LdapUsers(Directory local, Logins ldap, Credentials credentials, String realm) {
        this.local = local;
        this.ldap = ldap;
        this.credentials = credentials;
        this.realm = realm;
    }

    @Override
    public UserHashes hashes(String user) {
        UserHashes hashes = local.hashes(user);
        if (hashes != null || credentials == null || !credentials.user().equals(user)) {
            return hashes;
        }
        if (credentials.scheme() != AuthScheme.BASIC) {
            LOG.info("user '" + MediaPaths.printable(user) + "' is not a local user and answered with "
                    + credentials.scheme() + ": LDAP users log in with Basic only (Digest needs a stored hash)");
            return null;
        }
        try {
            found = ldap.authenticate(user, credentials.password()).orElse(null);
        } catch (DirectoryUnavailableException e) {
            LOG.warning("LDAP skipped for streaming user '" + MediaPaths.printable(user) + "': " + e.getMessage());
            return null;
        }
        if (found == null) {
            return null;
        }
        String password = credentials.password();
        return new UserHashes(user, realm, DigestMath.ha1(DigestAlgorithm.MD5, user, realm, password),
                DigestMath.ha1(DigestAlgorithm.SHA_256, user, realm, password));
    }

    @Override
    public Set<String> groupsOf(String user) {
        Set<String> groups = new HashSet<>(local.groupsOf(user));
        if (found != null && found.name().equals(user)) {
            groups.addAll(found.groups());
        }
        return groups;
    }

    @Override
    public boolean broadcasts(String user, String path) {
        return local.broadcasts(user, path);
    }
}
