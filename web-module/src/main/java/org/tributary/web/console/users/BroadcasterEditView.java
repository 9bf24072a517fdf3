package org.tributary.web.console.users;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tributary.ejb.access.AccessService;
import org.tributary.ejb.access.BroadcasterAccount;
import org.tributary.ejb.access.RuleFields;
import org.tributary.ejb.users.UserService;
import org.tributary.web.console.ConsoleUser;
import org.tributary.web.console.FieldCheck;
import org.tributary.web.console.Messages;
import org.tributary.web.security.ConsoleSecurity;

import java.io.Serializable;
import java.util.List;

/** Lets a streaming user publish live streams under path prefixes, or stops it (admins). */
@Named
@ViewScoped
public class BroadcasterEditView implements Serializable {

    @EJB
    private AccessService access;

    @EJB
    private UserService users;

    @Inject
    private ConsoleUser me;

    private String user;
    private boolean existing;
    private String paths = "";

    public String load() {
        if (user == null || user.isBlank()) {
            return null;
        }
        BroadcasterAccount account = find(user);
        if (account == null) {
            Messages.infoAfterRedirect("There is no broadcaster account '" + user + "'.");
            return "/broadcasters?faces-redirect=true";
        }
        existing = true;
        paths = String.join("\n", account.getPathPrefixes());
        return null;
    }

    private BroadcasterAccount find(String name) {
        return access.broadcasters().stream().filter(b -> b.getUserName().equals(name)).findFirst().orElse(null);
    }

    public String save() {
        if (!me.may(ConsoleSecurity.ADMIN, "change broadcaster accounts")) {
            return null;
        }
        FieldCheck check = new FieldCheck("broadcaster");
        String u = user == null ? "" : user.trim();
        if (!existing) {
            if (users.user(u).isEmpty()) {
                check.problem("user", "No streaming user '" + u + "': create the user first.");
            } else if (find(u) != null) {
                check.problem("user", "'" + u + "' has a broadcaster account already.");
            }
        }
        List<String> list = FieldCheck.words(paths);
        String problem = RuleFields.broadcastPathsProblem(list);
        if (problem != null) {
            check.problem("paths", problem);
        }
        if (!check.report()) {
            return null;
        }
        access.putBroadcaster(u, list);
        Messages.infoAfterRedirect("Saved broadcaster account '" + u + "'.");
        return "/broadcasters?faces-redirect=true";
    }

    public String delete() {
        if (!me.may(ConsoleSecurity.ADMIN, "delete broadcaster accounts")) {
            return null;
        }
        access.removeBroadcaster(user);
        Messages.infoAfterRedirect("Deleted broadcaster account '" + user + "'.");
        return "/broadcasters?faces-redirect=true";
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public boolean isExisting() {
        return existing;
    }

    public String getPaths() {
        return paths;
    }

    public void setPaths(String paths) {
        this.paths = paths;
    }
}
