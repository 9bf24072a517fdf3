package org.tributary.web.api;

import org.tributary.rtsp.header.AuthScheme;
import org.tributary.ejb.access.Audience;
import org.tributary.ejb.access.Permission;
import org.tributary.ejb.access.RuleFields;
import org.tributary.ejb.access.RuleSpec;
import org.tributary.ejb.fields.FieldMessages;

import java.util.List;
import java.util.Locale;

/**
 * Reads a folder rule from a request body ({@link org.tributary.web.api.model.RuleInput}'s shape), field by
 * field so that every bad field gets its own message; answers are {@link org.tributary.web.api.model.Rule}.
 */
public final class RuleJson {

    private RuleJson() {
    }

    /** Reads a rule; every problem is reported against its field (then 400): the JSON's shape here, the rule's fields by {@link RuleFields}. */
    public static RuleSpec spec(JsonBody in) {
        String path = in.string("path", true);
        String realm = in.string("realm", false);
        AuthScheme scheme = scheme(in);
        Permission read = permission(in, "read", Audience.ANYONE);
        Permission write = permission(in, "write", Audience.NOBODY);
        List<String> allow = in.strings("allowFrom");
        List<String> deny = in.strings("denyFrom");
        String note = in.string("note", false);
        RuleSpec spec = new RuleSpec(path, realm, scheme, read, write, allow, deny, note);
        RuleFields.problems(spec).forEach(in::problem);
        in.check();
        return spec;
    }

    private static AuthScheme scheme(JsonBody in) {
        String text = in.string("scheme", false);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return AuthScheme.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            in.problem("scheme", FieldMessages.text("rule.scheme"));
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
                p.problem("audience", FieldMessages.text("rule.audience"));
            }
        }
        List<String> users = p.strings("users");
        List<String> groups = p.strings("groups");
        in.absorb(field, p);
        return new Permission(audience, users, groups);
    }
}
