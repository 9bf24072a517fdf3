package org.tributary.web.console.users;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tributary.ejb.users.UserFields;
import org.tributary.ejb.users.UserGroup;
import org.tributary.ejb.users.UserService;
import org.tributary.web.console.ConsoleUser;
import org.tributary.web.console.FieldCheck;
import org.tributary.web.console.Messages;
import org.tributary.web.security.ConsoleSecurity;

import java.io.Serializable;
import java.util.List;

/** Creates or changes a group of streaming users (its members), deletes one (admins). */
@Named
@ViewScoped
public class GroupEditView implements Serializable {

    @EJB
    private UserService users;

    @Inject
    private ConsoleUser me;

    private String name;
    private boolean existing;
    private String members = "";

    public String load() {
        if (name == null || name.isBlank()) {
            return null;
        }
        UserGroup group = users.group(name).orElse(null);
        if (group == null) {
            Messages.infoAfterRedirect("There is no group '" + name + "'.");
            return "/groups?faces-redirect=true";
        }
        existing = true;
        members = String.join(" ", group.getMembers());
        return null;
    }

    public String save() {
        if (!me.may(ConsoleSecurity.ADMIN, "change groups")) {
            return null;
        }
        FieldCheck check = new FieldCheck("group");
        String n = name == null ? "" : name.trim();
        if (!existing) {
            if (UserFields.nameProblem(n) != null) {
                check.problem("name", UserFields.nameProblem(n));
            } else if (users.group(n).isPresent()) {
                check.problem("name", "A group '" + n + "' exists already.");
            }
        }
        List<String> list = FieldCheck.words(members);
        List<String> unknown = list.stream().filter(m -> users.user(m).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            check.problem("members", "No such user: " + String.join(", ", unknown) + ".");
        }
        if (!check.report()) {
            return null;
        }
        users.putGroup(n, list);
        Messages.infoAfterRedirect((existing ? "Saved group '" : "Created group '") + n + "'.");
        return "/groups?faces-redirect=true";
    }

    public String delete() {
        if (!me.may(ConsoleSecurity.ADMIN, "delete groups")) {
            return null;
        }
        users.removeGroup(name);
        Messages.infoAfterRedirect("Deleted group '" + name + "'.");
        return "/groups?faces-redirect=true";
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

    public String getMembers() {
        return members;
    }

    public void setMembers(String members) {
        this.members = members;
    }
}
