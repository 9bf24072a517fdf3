package org.tributary.web.console.users;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tributary.ejb.fields.FieldMessages;
import org.tributary.ejb.users.User;
import org.tributary.ejb.users.UserFields;
import org.tributary.ejb.users.UserService;
import org.tributary.web.console.ConsoleUser;
import org.tributary.web.console.FieldCheck;
import org.tributary.web.console.Messages;
import org.tributary.web.security.ConsoleSecurity;

import java.io.Serializable;

/** Creates a streaming user or sets an existing one's realm and password; deletes one (admins). */
@Named
@ViewScoped
public class UserEditView implements Serializable {

    @EJB
    private UserService users;

    @Inject
    private ConsoleUser me;

    private String name;
    private boolean existing;
    private String realm;
    private String password;
    private String passwordAgain;

    /** The view action: loads the user named in the URL, or starts a new one. */
    public String load() {
        if (name == null || name.isBlank()) {
            realm = UserService.DEFAULT_REALM;
            return null;
        }
        User user = users.user(name).orElse(null);
        if (user == null) {
            Messages.infoAfterRedirect("There is no user '" + name + "'.");
            return "/users?faces-redirect=true";
        }
        existing = true;
        realm = user.getRealm();
        return null;
    }

    public String save() {
        if (!me.may(ConsoleSecurity.ADMIN, "change streaming users")) {
            return null;
        }
        FieldCheck check = new FieldCheck("user");
        String n = name == null ? "" : name.trim();
        if (!existing) {
            if (UserFields.nameProblem(n) != null) {
                check.problem("name", UserFields.nameProblem(n));
            } else if (users.user(n).isPresent()) {
                check.problem("name", "A user '" + n + "' exists already.");
            }
        }
        if (UserFields.realmProblem(realm) != null) {
            check.problem("realm", UserFields.realmProblem(realm));
        }
        if (UserFields.passwordProblem(password) != null) {
            check.problem("password", UserFields.passwordProblem(password));
        } else if (!password.equals(passwordAgain)) {
            check.problem("passwordAgain", FieldMessages.text("passwords.differ"));
        }
        if (!check.report()) {
            return null;
        }
        users.putUser(n, realm, password);
        Messages.infoAfterRedirect((existing ? "Saved user '" : "Created user '") + n + "'.");
        return "/users?faces-redirect=true";
    }

    public String delete() {
        if (!me.may(ConsoleSecurity.ADMIN, "delete streaming users")) {
            return null;
        }
        users.removeUser(name);
        Messages.infoAfterRedirect("Deleted user '" + name + "'.");
        return "/users?faces-redirect=true";
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

    public String getRealm() {
        return realm;
    }

    public void setRealm(String realm) {
        this.realm = realm;
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
