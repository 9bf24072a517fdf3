package org.tributary.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.tributary.ejb.console.ConsoleAccountService;
import org.tributary.ejb.console.LoginState;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * How console users log in. The JSON API keeps HTTP Basic (scripts send credentials on each call and get
 * {@code 401} with a Basic challenge without them). Pages use the login form: {@code LoginView} checks the
 * password and stores a {@link ConsoleLogin} in the session, which this mechanism then reports on every
 * request of that session; a page asked for without one redirects to the form.
 * <p>
 * The API also accepts the session's login for reads (GET/HEAD), so the pages' scripts can poll it; changes
 * through the API need Basic credentials, so a page elsewhere cannot make a logged-in browser change things.
 */
@ApplicationScoped
public class ConsoleAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/login.xhtml";
    /** Sent by the console's own scripts: a 401 then comes without the challenge (no browser password box). */
    static final String SCRIPT_HEADER = "X-Tributary-Console";
    /** The JAX-RS servlet's path ({@code @ApplicationPath("api")}). */
    static final String API_SERVLET_PATH = "/api";

    @Inject
    private ConsoleLoginGuard guard;

    @EJB
    private ConsoleAccountService accounts;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        ConsoleLogin login = current(request.getSession(false));
        if (isApi(request)) {
            return api(request, response, context, login);
        }
        if (login != null) {
            return context.notifyContainerAboutLogin(login.name(), login.roles());
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE + "?next="
                    + URLEncoder.encode(pageOf(request), StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }

    /** Basic, as Jakarta Security's own Basic mechanism does it, or the session's login for reads. */
    private AuthenticationStatus api(HttpServletRequest request, HttpServletResponse response,
                                     HttpMessageContext context, ConsoleLogin login) {
        Optional<BasicCredentials> basic = BasicCredentials.parse(request.getHeader("Authorization"));
        if (basic.isPresent()) {
            ConsoleLoginGuard.Outcome outcome = guard.logIn(request.getRemoteAddr(), basic.get().user(),
                    basic.get().password());
            if (outcome instanceof ConsoleLoginGuard.Valid valid) {
                return context.notifyContainerAboutLogin(valid.result());
            }
            if (outcome instanceof ConsoleLoginGuard.LockedOut locked && context.isProtected()) {
                return tooManyFailures(response, locked.retryAfterSeconds());
            }
        } else if (login != null && isRead(request)) {
            return context.notifyContainerAboutLogin(login.name(), login.roles());
        }
        if (context.isProtected()) {
            if (request.getHeader(SCRIPT_HEADER) == null) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"" + ConsoleSecurity.REALM + "\"");
            }
            return context.responseUnauthorized();
        }
        return context.doNothing();
    }

    /**
     * 429 with Retry-After (the page too-many-logins.html says why); the password was not checked. Sent
     * with sendError, as Jakarta Security's own refusals are, so the container completes the response.
     */
    private static AuthenticationStatus tooManyFailures(HttpServletResponse response, long retryAfterSeconds) {
        response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
        try {
            response.sendError(429, "too many failed logins for this user name or address; try again in "
                    + retryAfterSeconds + " s");
        } catch (IOException e) {
            // the client has gone
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /**
     * The session's login with the account's role as it is now: an admin's change of role shows on the
     * next request; a deleted account, or one whose password was changed elsewhere, is logged out.
     */
    private ConsoleLogin current(HttpSession session) {
        ConsoleLogin login = ConsoleLogin.of(session);
        if (login == null) {
            return null;
        }
        LoginState state = accounts.loginState(login.name()).orElse(null);
        if (state == null && DirectoryLogin.holds(login)) {
            return login;
        }
        if (state == null || !state.passwordStamp().equals(login.passwordStamp())) {
            session.removeAttribute(ConsoleLogin.ATTRIBUTE);
            return null;
        }
        Set<String> roles = state.role().grantedRoleNames();
        if (!roles.equals(login.roles())) {
            login = new ConsoleLogin(login.name(), roles, login.passwordStamp());
            login.storeIn(session);
        }
        return login;
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        var session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ConsoleLogin.ATTRIBUTE);
        }
    }

    /**
     * Whether the request goes to the JSON API, decided on the servlet path the container matched (the
     * URI's raw text could hide "/api" behind path parameters such as "/api;x/users").
     */
    static boolean isApi(HttpServletRequest request) {
        return API_SERVLET_PATH.equals(request.getServletPath());
    }

    private static boolean isRead(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    /** The page asked for, relative to the console, to come back to after the login. */
    private static String pageOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"GET".equals(request.getMethod())) {
            return LoginTarget.HOME;
        }
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }
}
