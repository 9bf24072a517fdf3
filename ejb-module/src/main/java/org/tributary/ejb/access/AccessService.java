package org.tributary.ejb.access;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.tributary.api.access.AccessDecision;
import org.tributary.api.access.AccessRequest;
import org.tributary.rtsp.header.AuthScheme;
import org.tributary.api.access.Credentials;
import org.tributary.api.access.MediaPaths;
import org.tributary.api.access.UserHashes;
import org.tributary.ejb.adapter.AdapterClient;
import org.tributary.ejb.ldap.LdapConfig;
import org.tributary.ejb.ldap.LdapDirectory;
import org.tributary.ejb.users.UserService;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/** Decides access from the stored rules and users, and changes rules and broadcaster accounts. */
@Stateless
public class AccessService {

    private static final Logger LOG = Logger.getLogger(AccessService.class.getName());

    @PersistenceContext(unitName = "tributary")
    private EntityManager em;

    @EJB
    private AdapterClient adapter;

    @EJB
    private UserService users;

    public AccessDecision decide(AccessRequest request) {
        List<AccessRule> rules = rules();
        Directory local = new Directory() {
            @Override
            public UserHashes hashes(String user) {
                return users.hashes(user);
            }

            @Override
            public Set<String> groupsOf(String user) {
                return users.groupsOf(user);
            }

            @Override
            public boolean broadcasts(String user, String path) {
                return broadcasters().stream().anyMatch(b -> b.getUserName().equals(user) && b.covers(path));
            }
        };
        AccessDecision decision = AccessPolicy.decide(request, rules, withLdap(local, request, rules));
        LOG.fine(() -> "access decision on " + request.action() + " '" + MediaPaths.printable(request.path()) + "' ("
                + request.protocol() + ") for " + request.clientAddress() + ": " + decision.outcome() + ", "
                + decision.reason());
        return withCompletedHashes(request, decision);
    }

    /** The local users, and the LDAP directory behind them while tributary.ldap.url is set. */
    private static Directory withLdap(Directory local, AccessRequest request, List<AccessRule> rules) {
        Optional<LdapConfig> config;
        try {
            config = LdapConfig.from(System.getProperties());
        } catch (IllegalArgumentException e) {
            LOG.warning("LDAP skipped: " + e.getMessage());
            return local;
        }
        if (config.isEmpty()) {
            return local;
        }
        String realm;
        try {
            realm = AccessPolicy.mostSpecificRule(rules, MediaPaths.normalize(request.path()))
                    .map(AccessRule::getRealm).orElse(AccessPolicy.DEFAULT_REALM);
        } catch (MediaPaths.BadPathException e) {
            return local;
        }
        LdapDirectory directory = new LdapDirectory(config.get());
        return new LdapUsers(local, directory::authenticate, request.credentials(),
                realm);
    }

    /**
     * A user imported from qtusers has only the MD5 HA1. When such a user logs in with Basic, the
     * password is known for a moment: the SHA-256 HA1 is stored too, and the decision carries it, so
     * Digest SHA-256 works for that user from then on.
     */
    private AccessDecision withCompletedHashes(AccessRequest request, AccessDecision decision) {
        Credentials credentials = request.credentials();
        UserHashes verified = decision.hashes();
        if (credentials == null || credentials.scheme() != AuthScheme.BASIC || verified == null
                || verified.ha1Sha256() != null || verified.ha1Md5() == null) {
            return decision;
        }
        try {
            UserHashes completed = users.completeHashes(verified, credentials.password());
            if (completed == null) {
                return decision;
            }
            LOG.info("stored the SHA-256 Digest hash of user '" + completed.user() + "' after a Basic login");
            return decision.forUser(completed);
        } catch (EJBException e) {
            LOG.warning("could not store the SHA-256 Digest hash of user '" + verified.user() + "': " + e.getMessage());
            return decision;
        }
    }

    public List<AccessRule> rules() {
        return em.createNamedQuery(AccessRule.ALL, AccessRule.class).getResultList();
    }

    public Optional<AccessRule> rule(String pathPrefix) {
        String prefix = normalizePrefix(pathPrefix);
        return rules().stream().filter(r -> r.getPathPrefix().equals(prefix)).findFirst();
    }

    /** The rule with this id, if there is one. */
    public Optional<AccessRule> rule(long id) {
        return Optional.ofNullable(em.find(AccessRule.class, id));
    }

    /** Stores a rule that lets anyone or nobody read (replacing any rule on the same prefix). */
    public AccessRule putRule(String pathPrefix, boolean allowRead, String note) {
        return putRule(new RuleSpec(pathPrefix, null, null, Permission.of(allowRead ? Audience.ANYONE : Audience.NOBODY),
                Permission.of(Audience.NOBODY), List.of(), List.of(), note));
    }

    /** Creates or replaces the rule on the spec's prefix and makes the adapter forget old decisions. */
    public AccessRule putRule(RuleSpec spec) {
        String prefix = normalizePrefix(spec.pathPrefix());
        AccessRule rule = rule(prefix).orElseGet(() -> {
            AccessRule created = new AccessRule(prefix, spec.read(), spec.write());
            em.persist(created);
            return created;
        });
        rule.setRealm(spec.realm() == null || spec.realm().isBlank() ? null : spec.realm().trim());
        rule.setScheme(spec.scheme());
        rule.setRead(spec.read());
        rule.setWrite(spec.write());
        rule.setAddressBlocks(spec.allowFrom(), spec.denyFrom());
        rule.setNote(spec.note());
        adapter.invalidateAccessCacheQuietly();
        return rule;
    }

    public boolean removeRule(String pathPrefix) {
        Optional<AccessRule> rule = rule(pathPrefix);
        rule.ifPresent(em::remove);
        if (rule.isPresent()) {
            adapter.invalidateAccessCacheQuietly();
        }
        return rule.isPresent();
    }

    public List<BroadcasterAccount> broadcasters() {
        return em.createNamedQuery(BroadcasterAccount.ALL, BroadcasterAccount.class).getResultList();
    }

    /** Lets a user publish under the given prefixes (replacing the account's prefixes). */
    public BroadcasterAccount putBroadcaster(String user, List<String> pathPrefixes) {
        List<String> prefixes = pathPrefixes.stream().map(AccessService::normalizePrefix).toList();
        BroadcasterAccount account = broadcasters().stream().filter(b -> b.getUserName().equals(user)).findFirst()
                .orElseGet(() -> {
                    BroadcasterAccount created = new BroadcasterAccount(user, prefixes);
                    em.persist(created);
                    return created;
                });
        account.setPathPrefixes(prefixes);
        adapter.invalidateAccessCacheQuietly();
        return account;
    }

    public boolean removeBroadcaster(String user) {
        List<BroadcasterAccount> matching = broadcasters().stream().filter(b -> b.getUserName().equals(user)).toList();
        matching.forEach(em::remove);
        adapter.invalidateAccessCacheQuietly();
        return !matching.isEmpty();
    }

    /**
     * The canonical spelling of a rule's folder ("/a//b/./" is "a/b"), so it matches the canonical paths
     * the adapter asks about.
     *
     * @throws IllegalArgumentException for a folder without one (a ".." above the root, a control character)
     */
    static String normalizePrefix(String pathPrefix) {
        return MediaPaths.normalize(pathPrefix == null ? "" : pathPrefix.trim());
    }
}
