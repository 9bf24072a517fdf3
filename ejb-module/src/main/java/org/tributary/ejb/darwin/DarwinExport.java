package org.tributary.ejb.darwin;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.tributary.ejb.access.AccessRule;
import org.tributary.ejb.access.AccessService;
import org.tributary.ejb.access.Audience;
import org.tributary.ejb.access.Permission;
import org.tributary.ejb.users.User;
import org.tributary.ejb.users.UserGroup;
import org.tributary.ejb.users.UserService;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the stored users, groups and folder rules as Darwin's files. A user created in Tributary has no
 * crypt() value, so its middle field is "*" (Darwin's Basic cannot log it in; Digest can).
 */
@Stateless
public class DarwinExport {

    @EJB
    private UserService users;

    @EJB
    private AccessService access;

    /** The qtusers file of one realm. */
    public String qtusers(String realm) {
        StringBuilder out = new StringBuilder("realm ").append(realm).append('\n');
        for (User u : users.users()) {
            if (u.getRealm().equals(realm) && u.getHa1Md5() != null) {
                out.append(u.getName()).append(':').append(u.getDarwinCrypt() == null ? "*" : u.getDarwinCrypt())
                        .append(':').append(u.getHa1Md5()).append('\n');
            }
        }
        return out.toString();
    }

    public String qtgroups() {
        StringBuilder out = new StringBuilder();
        for (UserGroup g : users.groups()) {
            out.append(g.getName()).append(':');
            g.getMembers().forEach(m -> out.append(' ').append(m));
            out.append('\n');
        }
        return out.toString();
    }

    /** Each rule's qtaccess text by folder. */
    public Map<String, String> qtaccess() {
        Map<String, String> files = new LinkedHashMap<>();
        for (AccessRule rule : access.rules()) {
            files.put(rule.getPathPrefix(), qtaccess(rule));
        }
        return files;
    }

    static String qtaccess(AccessRule rule) {
        StringBuilder out = new StringBuilder();
        if (rule.getRealm() != null) {
            out.append("AuthName \"").append(rule.getRealm()).append("\"\n");
        }
        if (rule.getScheme() != null) {
            out.append("AuthScheme ").append(rule.getScheme().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
        }
        requireLines(out, rule.getRead(), "");
        if (rule.getWrite().getAudience() != Audience.NOBODY) {
            out.append("<Limit WRITE>\n");
            requireLines(out, rule.getWrite(), "    ");
            out.append("</Limit>\n");
        }
        if (!rule.getAllowFrom().isEmpty() || !rule.getDenyFrom().isEmpty()) {
            out.append("# address blocks (Tributary only): allow ").append(rule.getAllowFrom())
                    .append(" deny ").append(rule.getDenyFrom()).append('\n');
        }
        return out.toString();
    }

    private static void requireLines(StringBuilder out, Permission p, String indent) {
        switch (p.getAudience()) {
            case ANYONE -> out.append(indent).append("require any-user\n");
            case ANY_USER -> out.append(indent).append("require valid-user\n");
            case LISTED -> {
                if (!p.getUsers().isEmpty()) {
                    out.append(indent).append("require user ").append(String.join(" ", p.getUsers())).append('\n');
                }
                if (!p.getGroups().isEmpty()) {
                    out.append(indent).append("require group ").append(String.join(" ", p.getGroups())).append('\n');
                }
            }
            case NOBODY -> { }
        }
    }
}
