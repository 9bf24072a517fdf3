package org.tributary.web.console.rules;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tributary.ejb.access.AccessRule;
import org.tributary.ejb.access.AccessService;
import org.tributary.ejb.access.RuleSpec;
import org.tributary.web.console.ConsoleUser;
import org.tributary.web.console.FieldCheck;
import org.tributary.web.console.Messages;
import org.tributary.web.security.ConsoleSecurity;

import java.io.Serializable;
import java.util.Optional;

/** Creates, changes or deletes a folder rule (admins); a folder has at most one rule. */
@Named
@ViewScoped
public class RuleEditView implements Serializable {

    @EJB
    private AccessService access;

    @Inject
    private ConsoleUser me;

    private Long id;
    private RuleForm form = new RuleForm();

    public String load() {
        if (id == null) {
            return null;
        }
        Optional<AccessRule> rule = access.rule(id);
        if (rule.isEmpty()) {
            Messages.infoAfterRedirect("There is no rule " + id + ".");
            return "/rules?faces-redirect=true";
        }
        form = RuleForm.of(rule.get());
        return null;
    }

    public String save() {
        if (!me.may(ConsoleSecurity.ADMIN, "change access rules")) {
            return null;
        }
        FieldCheck check = new FieldCheck("rule");
        RuleSpec spec = form.spec(check);
        AccessRule existing = id == null ? null : access.rule(id).orElse(null);
        Optional<AccessRule> other = access.rule(spec.pathPrefix());
        if (other.isPresent() && (existing == null || !other.get().getId().equals(existing.getId()))) {
            check.problem("path", "The folder '/" + spec.pathPrefix() + "' has a rule already.");
        }
        if (!check.report()) {
            return null;
        }
        if (existing != null && !existing.getPathPrefix().equals(spec.pathPrefix())) {
            access.removeRule(existing.getPathPrefix());
        }
        access.putRule(spec);
        Messages.infoAfterRedirect("Saved the rule of '/" + spec.pathPrefix() + "'.");
        return "/rules?faces-redirect=true";
    }

    public String delete() {
        if (!me.may(ConsoleSecurity.ADMIN, "delete access rules")) {
            return null;
        }
        access.rule(id).ifPresent(r -> access.removeRule(r.getPathPrefix()));
        Messages.infoAfterRedirect("Deleted the rule.");
        return "/rules?faces-redirect=true";
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public RuleForm getForm() {
        return form;
    }
}
