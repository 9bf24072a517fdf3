package org.tributary.web.console.login;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.tributary.ejb.console.ConsoleAccountService;
import org.tributary.ejb.console.LoginState;
import org.tributary.web.console.Messages;
import org.tributary.web.security.ConsoleLogin;
import org.tributary.web.security.ConsoleLoginGuard;
import org.tributary.web.security.DirectoryLogin;
import org.tributary.web.security.LoginTarget;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * The login form and the logout button. A good password stores the login in a fresh session id (no
 * session fixation) and goes on to the page that asked for it; a bad one says so without telling
 * which of the two fields was wrong.
 */
@Named("login")
@RequestScoped
public class LoginView {

    private static final Logger LOG = Logger.getLogger(LoginView.class.getName());

    @Inject
    private ConsoleLoginGuard guard;

    @EJB
    private ConsoleAccountService accounts;

    private String user;
    private String password;
    private String next;

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    /** The login page's view action: someone already logged in goes on to the page instead. */
    public void skipWhenLoggedIn() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (ConsoleLogin.of((HttpSession) external.getSession(false)) != null) {
            external.redirect(external.getRequestContextPath() + LoginTarget.safe(next));
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    public void logIn() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        ConsoleLoginGuard.Outcome outcome = guard.logIn(request.getRemoteAddr(), user == null ? "" : user.trim(),
                password == null ? "" : password);
        if (outcome instanceof ConsoleLoginGuard.LockedOut locked) {
            Messages.error(null, "Too many failed logins for this user name or from this address. Try again in "
                    + locked.retryAfterSeconds() + " seconds.");
            password = null;
            return;
        }
        CredentialValidationResult result = outcome instanceof ConsoleLoginGuard.Valid valid ? valid.result() : null;
        LoginState state = result != null ? accounts.loginState(result.getCallerPrincipal().getName()).orElse(null) : null;
        String stamp = state != null ? state.passwordStamp()
                : result != null && DirectoryLogin.validatedBy(result) ? DirectoryLogin.STAMP : null;
        if (stamp == null) {
            Messages.error(null, "Wrong user name or password.");
            password = null;
            return;
        }
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        new ConsoleLogin(result.getCallerPrincipal().getName(), result.getCallerGroups(), stamp)
                .storeIn(session);
        LOG.info("console login: '" + result.getCallerPrincipal().getName() + "'");
        external.redirect(external.getRequestContextPath() + LoginTarget.safe(next));
        FacesContext.getCurrentInstance().responseComplete();
    }

    public void logOut() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml");
        FacesContext.getCurrentInstance().responseComplete();
    }
}
