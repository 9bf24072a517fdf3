package org.tributary.ejb.access;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.tributary.api.access.AccessAction;
import org.tributary.api.access.AccessDecision;
import org.tributary.api.access.AccessRequest;
import org.tributary.ejb.adapter.AdapterClient;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** Decides access from the stored rules, and changes the rules. */
@Stateless
public class AccessService {

    private static final Logger LOG = Logger.getLogger(AccessService.class.getName());

    @PersistenceContext(unitName = "tributary")
    private EntityManager em;

    @EJB
    private AdapterClient adapter;

    public AccessDecision decide(AccessRequest request) {
        if (request.action() == AccessAction.WRITE) {
            return AccessDecision.deny("publishing is not enabled on this server");
        }
        Optional<AccessRule> rule = mostSpecificRule(rules(), request.path());
        if (rule.isEmpty()) {
            return AccessDecision.allow("no rule covers " + request.path());
        }
        AccessRule r = rule.get();
        String because = "rule '" + r.getPathPrefix() + "'" + (r.getNote() == null ? "" : " (" + r.getNote() + ")");
        return r.isAllowRead() ? AccessDecision.allow(because) : AccessDecision.deny(because);
    }

    static Optional<AccessRule> mostSpecificRule(List<AccessRule> rules, String path) {
        return rules.stream().filter(r -> r.covers(path))
                .max(Comparator.comparingInt(r -> r.getPathPrefix().length()));
    }

    public List<AccessRule> rules() {
        return em.createNamedQuery(AccessRule.ALL, AccessRule.class).getResultList();
    }

    /** Stores a rule (replacing any rule on the same prefix) and makes the adapter forget old decisions. */
    public AccessRule putRule(String pathPrefix, boolean allowRead, String note) {
        String prefix = normalizePrefix(pathPrefix);
        rules().stream().filter(r -> r.getPathPrefix().equals(prefix)).forEach(em::remove);
        em.flush();
        AccessRule rule = new AccessRule(prefix, allowRead, note);
        em.persist(rule);
        afterChange();
        return rule;
    }

    public boolean removeRule(String pathPrefix) {
        String prefix = normalizePrefix(pathPrefix);
        List<AccessRule> matching = rules().stream().filter(r -> r.getPathPrefix().equals(prefix)).toList();
        matching.forEach(em::remove);
        if (!matching.isEmpty()) {
            afterChange();
        }
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

    private void afterChange() {
        try {
            adapter.invalidateAccessCache();
        } catch (AdapterClient.AdapterUnavailableException e) {
            LOG.warning("access rules changed but the adapter's cache could not be cleared: " + e.getMessage());
        }
    }
}
