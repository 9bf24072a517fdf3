package org.tributary.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.tributary.web.security.ConsoleSecurity;

import java.util.logging.Logger;

/**
 * The logged-in console account as the pages see it: its name and role for the navigation bar, which
 * controls to show, and {@link #may} for the actions, which check the role again on the server.
 */
@Named("me")
@RequestScoped
public class ConsoleUser {

    private static final Logger LOG = Logger.getLogger(ConsoleUser.class.getName());

    private ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }

    public String getName() {
        return external().getUserPrincipal() == null ? "" : external().getUserPrincipal().getName();
    }

    /** The highest role: admin, operator or viewer ("" when not logged in). */
    public String getRole() {
        for (String role : new String[] {ConsoleSecurity.ADMIN, ConsoleSecurity.OPERATOR, ConsoleSecurity.VIEWER}) {
            if (external().isUserInRole(role)) {
                return role;
            }
        }
        return "";
    }

    public boolean isAdmin() {
        return external().isUserInRole(ConsoleSecurity.ADMIN);
    }

    public boolean isOperator() {
        return external().isUserInRole(ConsoleSecurity.OPERATOR);
    }

    /**
     * Whether the account has the role an action needs. When not, the page says so, the answer is a 403
     * and the attempt is logged: the control was hidden, so the request was made by hand.
     */
    public boolean may(String role, String action) {
        if (external().isUserInRole(role)) {
            return true;
        }
        LOG.warning("console account '" + getName() + "' (" + getRole() + ") may not " + action);
        Messages.error(null, "Your role (" + getRole() + ") may not " + action + ".");
        external().setResponseStatus(403);
        return false;
    }
}
