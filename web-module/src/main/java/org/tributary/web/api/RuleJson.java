package org.tributary.web.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.tributary.rtsp.header.AuthScheme;
import org.tributary.ejb.access.AccessRule;
import org.tributary.ejb.access.Audience;
import org.tributary.ejb.access.Permission;
import org.tributary.ejb.access.RuleSpec;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A folder rule as JSON: {@code {"id", "path", "realm", "scheme": "basic"|"digest"|null,
 * "read": {"audience": "anyone"|"any-user"|"listed"|"nobody", "users": [], "groups": []}, "write": {...},
 * "allowFrom": ["10.0.0.0/8"], "denyFrom": [], "note"}}.
 */
public final class RuleJson {

    private static final Pattern CIDR = Pattern.compile("[0-9A-Fa-f:.]+/\\d{1,3}");

    private RuleJson() {
    }

    static JsonObject json(AccessRule r) {
        return Json.createObjectBuilder()
                .add("id", r.getId())
                .add("path", r.getPathPrefix())
                .add("realm", r.getRealm() == null ? "" : r.getRealm())
                .add("scheme", r.getScheme() == null ? "" : r.getScheme().name().toLowerCase(Locale.ROOT))
                .add("read", json(r.getRead()))
                .add("write", json(r.getWrite()))
                .add("allowFrom", Json.createArrayBuilder(r.getAllowFrom()))
                .add("denyFrom", Json.createArrayBuilder(r.getDenyFrom()))
                .add("note", r.getNote() == null ? "" : r.getNote())
                .build();
    }

    private static JsonObject json(Permission p) {
        return Json.createObjectBuilder()
                .add("audience", p.getAudience().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .add("users", Json.createArrayBuilder(p.getUsers()))
                .add("groups", Json.createArrayBuilder(p.getGroups()))
                .build();
    }

    /** Reads a rule; every problem is reported against its field (then 400). */
    public static RuleSpec spec(JsonBody in) {
        String path = in.string("path", true);
        if (path != null && (path.length() > 1024 || path.contains("..") || path.contains("\\"))) {
            in.problem("path", "a folder under the media root, at most 1024 characters, no '..'");
        }
        String realm = in.string("realm", false);
        if (realm != null && (realm.length() > 255 || realm.contains("\""))) {
            in.problem("realm", "at most 255 characters, no '\"'");
        }
        AuthScheme scheme = scheme(in);
        Permission read = permission(in, "read", Audience.ANYONE);
        Permission write = permission(in, "write", Audience.NOBODY);
        List<String> allow = blocks(in, "allowFrom");
        List<String> deny = blocks(in, "denyFrom");
        String note = in.string("note", false);
        if (note != null && note.length() > 512) {
            in.problem("note", "at most 512 characters");
        }
        in.check();
        return new RuleSpec(path, realm, scheme, read, write, allow, deny, note);
    }

    private static AuthScheme scheme(JsonBody in) {
        String text = in.string("scheme", false);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return AuthScheme.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            in.problem("scheme", "basic, digest, or empty for the server's schemes");
            return null;
        }
    }

    private static Permission permission(JsonBody in, String field, Audience absent) {
        JsonBody p = in.object(field);
        if (p == null) {
            return Permission.of(absent);
        }
        String text = p.string("audience", true);
        Audience audience = absent;
        if (text != null) {
            try {
                audience = Audience.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                p.problem("audience", "anyone, any-user, listed or nobody");
            }
        }
        List<String> users = names(p, "users");
        List<String> groups = names(p, "groups");
        if (audience == Audience.LISTED && users.isEmpty() && groups.isEmpty()) {
            p.problem("users", "a listed audience names at least one user or group");
        }
        in.absorb(field, p);
        return new Permission(audience, users, groups);
    }

    private static List<String> names(JsonBody p, String field) {
        List<String> names = p.strings(field);
        if (names.stream().anyMatch(n -> !JsonBody.NAME.matcher(n).matches())) {
            p.problem(field, "each name: 1 to 255 characters, no ':' and no spaces");
        }
        return names;
    }

    private static List<String> blocks(JsonBody in, String field) {
        List<String> blocks = in.strings(field);
        for (String b : blocks) {
            if (!CIDR.matcher(b).matches()) {
                in.problem(field, "'" + b + "' is not an address block like 10.0.0.0/8");
            }
        }
        return blocks;
    }
}
