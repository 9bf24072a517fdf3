package org.tributary.web.console.rules;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.tributary.ejb.access.AccessRule;
import org.tributary.ejb.access.Permission;
import org.tributary.web.console.FieldCheck;

import java.io.Serializable;
import java.util.Locale;

/**
 * The rule form's fields as text, to and from the API's JSON form of a rule (so the page is validated
 * exactly as {@code /api/rules} is).
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

    /** The rule as the API's JSON (path trimmed of leading and trailing '/'). */
    String json() {
        return Json.createObjectBuilder()
                .add("path", trimSlashes(path))
                .add("realm", realm == null ? "" : realm.trim())
                .add("scheme", scheme == null ? "" : scheme)
                .add("read", permission(readAudience, readUsers, readGroups))
                .add("write", permission(writeAudience, writeUsers, writeGroups))
                .add("allowFrom", Json.createArrayBuilder(FieldCheck.words(allowFrom)))
                .add("denyFrom", Json.createArrayBuilder(FieldCheck.words(denyFrom)))
                .add("note", note == null ? "" : note)
                .build().toString();
    }

    private static JsonObjectBuilder permission(String audience, String users, String groups) {
        return Json.createObjectBuilder().add("audience", audience == null ? "" : audience)
                .add("users", Json.createArrayBuilder(FieldCheck.words(users)))
                .add("groups", Json.createArrayBuilder(FieldCheck.words(groups)));
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
