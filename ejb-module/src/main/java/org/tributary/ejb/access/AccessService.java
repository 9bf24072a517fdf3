package org.tributary.ejb.access;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.tributary.api.access.AccessDecision;
import org.tributary.api.access.AccessRequest;
import org.tributary.api.access.UserHashes;
import org.tributary.ejb.adapter.AdapterClient;
import org.tributary.ejb.users.UserService;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Decides access from the stored rules and users, and changes rules and broadcaster accounts. */
@Stateless
public class AccessService {

    @PersistenceContext(unitName = "tributary")
    private EntityManager em;

    @EJB
    private AdapterClient adapter;

    @EJB
    private UserService users;

    public AccessDecision decide(AccessRequest request) {
        return AccessPolicy.decide(request, rules(), new Directory() {
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
        });
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

    static String normalizePrefix(String pathPrefix) {
        String p = pathPrefix == null ? "" : pathPrefix.trim();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
