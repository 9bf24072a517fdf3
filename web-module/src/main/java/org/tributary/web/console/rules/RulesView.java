package org.tributary.web.console.rules;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.tributary.ejb.access.AccessRule;
import org.tributary.ejb.access.AccessService;
import org.tributary.ejb.access.Audience;
import org.tributary.ejb.access.Permission;

import java.util.ArrayList;
import java.util.List;

/** The Rules page's list (every role). */
@Named
@RequestScoped
public class RulesView {

    @EJB
    private AccessService access;

    public List<AccessRule> getRules() {
        return access.rules();
    }

    /** "anyone", "any user", "users: ann, bob; groups: staff", "nobody". */
    public String who(Permission p) {
        if (p.getAudience() != Audience.LISTED) {
            return p.getAudience().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
        List<String> parts = new ArrayList<>();
        if (!p.getUsers().isEmpty()) {
            parts.add("users: " + String.join(", ", p.getUsers()));
        }
        if (!p.getGroups().isEmpty()) {
            parts.add("groups: " + String.join(", ", p.getGroups()));
        }
        return String.join("; ", parts);
    }

    public String folder(AccessRule r) {
        return r.getPathPrefix().isEmpty() ? "/ (whole media folder)" : "/" + r.getPathPrefix() + "/";
    }
}
