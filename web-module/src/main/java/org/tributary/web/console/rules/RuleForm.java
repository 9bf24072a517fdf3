package org.tributary.web.console.rules;

import org.tributary.rtsp.header.AuthScheme;
import org.tributary.ejb.access.AccessRule;
import org.tributary.ejb.access.Audience;
import org.tributary.ejb.access.Permission;
import org.tributary.ejb.access.RuleFields;
import org.tributary.ejb.access.RuleSpec;
import org.tributary.ejb.fields.FieldMessages;
import org.tributary.web.console.FieldCheck;

import java.io.Serializable;
import java.util.Locale;

/**
 * The rule form's fields as text, to and from a rule; the rule's fields are checked by {@link RuleFields},
 * as {@code /api/rules} checks them.
 */
public class RuleForm implements Serializable {

    private String path = "";
    private String realm = "";
    private String scheme = "";
    private String readAudience = "anyone";
    private String readUsers = "";
    private String readGroups = "";
    private String writeAudience = "nobody";
    private String writeUsers = "";
    private String writeGroups = "";
    private String allowFrom = "";
    private String denyFrom = "";
    private String note = "";

    static RuleForm of(AccessRule r) {
        RuleForm f = new RuleForm();
        f.path = r.getPathPrefix();
        f.realm = r.getRealm() == null ? "" : r.getRealm();
        f.scheme = r.getScheme() == null ? "" : r.getScheme().name().toLowerCase(Locale.ROOT);
        f.readAudience = audience(r.getRead());
        f.readUsers = String.join(" ", r.getRead().getUsers());
        f.readGroups = String.join(" ", r.getRead().getGroups());
        f.writeAudience = audience(r.getWrite());
        f.writeUsers = String.join(" ", r.getWrite().getUsers());
        f.writeGroups = String.join(" ", r.getWrite().getGroups());
        f.allowFrom = String.join(" ", r.getAllowFrom());
        f.denyFrom = String.join(" ", r.getDenyFrom());
        f.note = r.getNote() == null ? "" : r.getNote();
        return f;
    }

    private static String audience(Permission p) {
        return p.getAudience().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The rule the form says (path trimmed of leading and trailing '/'), its problems noted in {@code check}
     * by the rules of the access service, as {@code /api/rules} checks them.
     */
    RuleSpec spec(FieldCheck check) {
        RuleSpec spec = new RuleSpec(trimSlashes(path), realm == null ? "" : realm.trim(), scheme(check),
                permission(check, "read_audience", readAudience, readUsers, readGroups),
                permission(check, "write_audience", writeAudience, writeUsers, writeGroups),
                FieldCheck.words(allowFrom), FieldCheck.words(denyFrom), note == null ? "" : note);
        check.absorb(RuleFields.problems(spec));
        return spec;
    }

    private AuthScheme scheme(FieldCheck check) {
        if (scheme == null || scheme.isBlank()) {
            return null;
        }
        try {
            return AuthScheme.valueOf(scheme.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            check.problem("scheme", FieldMessages.text("rule.scheme"));
            return null;
        }
    }

    private static Permission permission(FieldCheck check, String field, String audience, String users, String groups) {
        Audience parsed = Audience.NOBODY;
        try {
            parsed = Audience.valueOf(String.valueOf(audience).trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            check.problem(field, FieldMessages.text("rule.audience"));
        }
        return new Permission(parsed, FieldCheck.words(users), FieldCheck.words(groups));
    }

    static String trimSlashes(String p) {
        String t = p == null ? "" : p.trim();
        while (t.startsWith("/")) {
            t = t.substring(1);
        }
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public String getRealm() { return realm; }
    public void setRealm(String realm) { this.realm = realm; }
    public String getScheme() { return scheme; }
    public void setScheme(String scheme) { this.scheme = scheme; }
    public String getReadAudience() { return readAudience; }
    public void setReadAudience(String readAudience) { this.readAudience = readAudience; }
    public String getReadUsers() { return readUsers; }
    public void setReadUsers(String readUsers) { this.readUsers = readUsers; }
    public String getReadGroups() { return readGroups; }
    public void setReadGroups(String readGroups) { this.readGroups = readGroups; }
    public String getWriteAudience() { return writeAudience; }
    public void setWriteAudience(String writeAudience) { this.writeAudience = writeAudience; }
    public String getWriteUsers() { return writeUsers; }
    public void setWriteUsers(String writeUsers) { this.writeUsers = writeUsers; }
    public String getWriteGroups() { return writeGroups; }
    public void setWriteGroups(String writeGroups) { this.writeGroups = writeGroups; }
    public String getAllowFrom() { return allowFrom; }
    public void setAllowFrom(String allowFrom) { this.allowFrom = allowFrom; }
    public String getDenyFrom() { return denyFrom; }
    public void setDenyFrom(String denyFrom) { this.denyFrom = denyFrom; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
