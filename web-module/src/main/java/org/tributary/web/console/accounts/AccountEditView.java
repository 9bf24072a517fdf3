package org.tributary.web.console.accounts;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tributary.ejb.console.AccountConflictException;
import org.tributary.ejb.console.AccountRules;
import org.tributary.ejb.console.ConsoleAccount;
import org.tributary.ejb.console.ConsoleAccountService;
import org.tributary.ejb.console.ConsoleRole;
import org.tributary.web.console.ConsoleUser;
import org.tributary.web.console.Messages;
import org.tributary.web.security.ConsoleLogin;
import org.tributary.web.security.ConsoleSecurity;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Creates a console account, or changes one's role, resets its password or deletes it
 * ({@code /admin/account.xhtml?name=...}, admins). An admin cannot demote or delete itself, and the last
 * admin stays (the service refuses that too, for the API and for two admins acting at once).
 */
@Named
@ViewScoped
public class AccountEditView implements Serializable {

    private static final Logger LOG = Logger.getLogger(AccountEditView.class.getName());
    private static final String FORM = "consoleAccount";
    private static final String LIST = "/admin/accounts?faces-redirect=true";

    @EJB
    private ConsoleAccountService accounts;

    @Inject
    private ConsoleUser me;

    private String name;
    private boolean existing;
    private String role = ConsoleSecurity.VIEWER;
    private String password;
    private String passwordAgain;

    public String load() {
        if (name == null || name.isBlank()) {
            return null;
        }
        Optional<ConsoleAccount> account = accounts.account(name);
        if (account.isEmpty()) {
            Messages.infoAfterRedirect("There is no console account '" + name + "'.");
            return LIST;
        }
        existing = true;
        role = account.get().getRole().roleName();
        return null;
    }

    public String save() {
        if (!me.may(ConsoleSecurity.ADMIN, "change console accounts")) {
            return null;
        }
        return existing ? change() : create();
    }

    private String create() {
        String n = name == null ? "" : name.trim();
        Map<String, String> problems = AccountRules.newAccount(n, accounts.account(n).isPresent(), role, password, passwordAgain);
        if (!report(problems)) {
            return null;
        }
        try {
            accounts.create(n, AccountRules.role(role), password);
        } catch (AccountConflictException e) {
            return refuse("name", "There is a console account '" + n + "' already.");
        }
        LOG.info("console account '" + n + "' (" + role + ") created by '" + me.getName() + "'");
        Messages.infoAfterRedirect("Created console account '" + n + "' (" + role + ").");
        return LIST;
    }

    private String change() {
        ConsoleRole to = AccountRules.role(role);
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (to == null) {
            problems.put("role", "Choose admin, operator or viewer.");
        }
        problems.putAll(AccountRules.newPassword("password", password, "passwordAgain", passwordAgain, false));
        if (!report(problems)) {
            return null;
        }
        Optional<ConsoleAccount> account = accounts.account(name);
        if (account.isEmpty()) {
            Messages.infoAfterRedirect("The console account '" + name + "' was deleted meanwhile.");
            return LIST;
        }
        String refused = AccountRules.roleChange(me.getName(), name, account.get().getRole(), to,
                accounts.count(ConsoleRole.ADMIN));
        if (refused != null) {
            return refuse("role", refused);
        }
        boolean newPassword = password != null && !password.isEmpty();
        try {
            accounts.update(name, to, newPassword ? password : null);
        } catch (AccountConflictException e) {
            return refuse("role", e.getMessage());
        }
        if (newPassword && isSelf()) {
            // Resetting one's own password here keeps this session, like My account does.
            accounts.loginState(name).ifPresent(state -> ConsoleLogin.restamp(MyAccountView.session(), state.passwordStamp()));
        }
        LOG.info("console account '" + name + "' changed by '" + me.getName() + "': role " + to.roleName()
                + (newPassword ? ", password reset" : ""));
        Messages.infoAfterRedirect("Saved console account '" + name + "' (" + to.roleName() + ")"
                + (newPassword ? " with its new password." : "."));
        return LIST;
    }

    public String delete() {
        if (!me.may(ConsoleSecurity.ADMIN, "delete console accounts") || !existing) {
            return null;
        }
        Optional<ConsoleAccount> account = accounts.account(name);
        if (account.isEmpty()) {
            Messages.infoAfterRedirect("The console account '" + name + "' was deleted meanwhile.");
            return LIST;
        }
        String refused = AccountRules.deletion(me.getName(), name, account.get().getRole(), accounts.count(ConsoleRole.ADMIN));
        if (refused != null) {
            Messages.error(null, refused);
            return null;
        }
        try {
            accounts.remove(name);
        } catch (AccountConflictException e) {
            Messages.error(null, e.getMessage());
            return null;
        }
        LOG.info("console account '" + name + "' deleted by '" + me.getName() + "'");
        Messages.infoAfterRedirect("Deleted console account '" + name + "'.");
        return LIST;
    }

    private String refuse(String field, String message) {
        Messages.error(FORM + ":" + field, message);
        Messages.error(null, "Please correct the marked field(s).");
        return null;
    }

    /** Shows the problems next to their fields; whether there were none. Passwords are never sent back. */
    private boolean report(Map<String, String> problems) {
        if (problems.isEmpty()) {
            return true;
        }
        Messages.fieldErrors(FORM, problems);
        Messages.error(null, "Please correct the marked field(s).");
        password = null;
        passwordAgain = null;
        return false;
    }

    /** Whether this is the logged-in admin's own account (the page then says why it cannot be demoted). */
    public boolean isSelf() {
        return existing && name.equals(me.getName());
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isExisting() {
        return existing;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordAgain() {
        return passwordAgain;
    }

    public void setPasswordAgain(String passwordAgain) {
        this.passwordAgain = passwordAgain;
    }
}
