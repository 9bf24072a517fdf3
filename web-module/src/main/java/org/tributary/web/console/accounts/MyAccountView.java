package org.tributary.web.console.accounts;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import org.tributary.ejb.console.AccountRules;
import org.tributary.ejb.console.ConsoleAccountService;
import org.tributary.web.console.ConsoleUser;
import org.tributary.web.console.Messages;
import org.tributary.web.security.ConsoleLogin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * "My account" ({@code account.xhtml}, every role): changes the logged-in account's own password, which
 * needs the current one. The old password stops working at once (the service forgets cached logins), and
 * the account's other console sessions end; this one stays logged in.
 */
@Named
@RequestScoped
public class MyAccountView {

    private static final Logger LOG = Logger.getLogger(MyAccountView.class.getName());
    private static final String FORM = "mine";

    @EJB
    private ConsoleAccountService accounts;

    @Inject
    private ConsoleUser me;

    private String current;
    private String password;
    private String passwordAgain;

    public String changePassword() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (current == null || current.isEmpty()) {
            problems.put("current", "Your current password is needed.");
        }
        problems.putAll(AccountRules.newPassword("password", password, "passwordAgain", passwordAgain, true));
        if (problems.isEmpty() && password.equals(current)) {
            problems.put("password", "The new password is the current one.");
        }
        if (problems.isEmpty() && !accounts.changeOwnPassword(me.getName(), current, password)) {
            LOG.warning("console account '" + me.getName() + "': password change with a wrong current password");
            problems.put("current", "This is not your current password.");
        }
        if (!problems.isEmpty()) {
            Messages.fieldErrors(FORM, problems);
            Messages.error(null, "Please correct the marked field(s).");
            return null;
        }
        accounts.loginState(me.getName()).ifPresent(state -> ConsoleLogin.restamp(session(), state.passwordStamp()));
        LOG.info("console account '" + me.getName() + "' changed its password");
        Messages.infoAfterRedirect("Your password is changed; use the new one from now on.");
        return "/account?faces-redirect=true";
    }

    static HttpSession session() {
        return (HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(false);
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
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
