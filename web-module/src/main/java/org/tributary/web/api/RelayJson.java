package org.tributary.web.api;

import org.tributary.api.RelayDefinition;
import org.tributary.ejb.fields.FieldMessages;
import org.tributary.ejb.relays.RelayFields;
import org.tributary.ejb.relays.RelaySpec;

import java.util.Locale;

/**
 * Reads a relay from a request body ({@link org.tributary.web.api.model.RelayInput}'s shape), field by field so
 * that every bad field gets its own message: the JSON's shape here, the relay's fields by {@link RelayFields};
 * answers are {@link org.tributary.web.api.model.Relay}.
 */
public final class RelayJson {

    private RelayJson() {
    }

    /**
     * Reads a definition (then 400 when any field is bad). A missing or null password is null: the service keeps
     * the stored one.
     *
     * @param name the relay's name from the path
     */
    public static RelaySpec spec(JsonBody in, String name) {
        String n = in.string("name", false);
        if (n != null && !n.equals(name)) {
            in.problem("name", "is the relay's key and cannot differ from the path's (it is '" + name + "')");
        }
        RelayDefinition.Direction direction = direction(in);
        String path = in.string("path", true);
        String url = in.string("url", true);
        String user = in.string("user", false);
        String password = in.string("password", false);
        String transport = in.has("transport") ? in.string("transport", true) : "tcp";
        boolean onDemand = in.bool("onDemand", false);
        int linger = in.integer("lingerSeconds", RelaySpec.DEFAULT_LINGER);
        boolean enabled = in.bool("enabled", true);
        RelaySpec spec = new RelaySpec(name, direction, path, url, user, password,
                transport == null ? null : transport.trim().toLowerCase(Locale.ROOT), onDemand, linger, enabled);
        RelayFields.problems(spec).forEach(in::problem);
        in.check();
        return spec;
    }

    /** "pull" or "push" in any case; null when absent or unknown (a problem). */
    private static RelayDefinition.Direction direction(JsonBody in) {
        String text = in.string("direction", false);
        if (text == null) {
            if (!in.has("direction")) {
                in.problem("direction", FieldMessages.text("relay.direction"));
            }
            return null;
        }
        try {
            return RelayDefinition.Direction.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            in.problem("direction", FieldMessages.text("relay.direction"));
            return null;
        }
    }
}
