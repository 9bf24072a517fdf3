package org.tributary.web.console.users;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.tributary.ejb.access.AccessService;
import org.tributary.ejb.access.BroadcasterAccount;
import org.tributary.ejb.users.User;
import org.tributary.ejb.users.UserGroup;
import org.tributary.ejb.users.UserService;

import java.util.List;

/** The lists of the Users, Groups and Broadcasters pages (read by every role). */
@Named
@RequestScoped
public class UsersView {

    @EJB
    private UserService users;

    @EJB
    private AccessService access;

    private List<User> userList;

    public List<User> getUsers() {
        if (userList == null) {
            userList = users.users();
        }
        return userList;
    }

    public String groupsOf(String user) {
        return String.join(", ", users.groupsOf(user));
    }

    /** The Digest algorithms a user can log in with ("MD5, SHA-256"); imported users may have only MD5. */
    public String algorithms(User u) {
        if (u.getHa1Md5() != null && u.getHa1Sha256() != null) {
            return "MD5, SHA-256";
        }
        return u.getHa1Md5() != null ? "MD5" : u.getHa1Sha256() != null ? "SHA-256" : "Basic only";
    }

    public List<UserGroup> getGroups() {
        return users.groups();
    }

    public List<BroadcasterAccount> getBroadcasters() {
        return access.broadcasters();
    }
}
