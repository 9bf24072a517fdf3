package org.tributary.web.api;

import org.tributary.api.ChannelKind;
import org.tributary.api.playlist.PlayMode;
import org.tributary.api.playlist.PlaylistItem;
import org.tributary.ejb.channels.ChannelFields;
import org.tributary.ejb.channels.ChannelSpec;
import org.tributary.ejb.fields.FieldMessages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a channel from a request body ({@link org.tributary.web.api.model.ChannelInput}'s shape), field by field
 * so that every bad field gets its own message: the JSON's shape here, the channel's fields by
 * {@link ChannelFields}; answers are {@link org.tributary.web.api.model.Channel}.
 */
public final class ChannelJson {

    /** Darwin's max_upcoming_list_size default. */
    static final int DEFAULT_UPCOMING = 7;

    private ChannelJson() {
    }

    /**
     * Reads a definition (then 400 when any field is bad).
     *
     * @param name the channel's name from the path (PUT), or null to read it from the body (POST)
     */
    public static ChannelSpec spec(JsonBody in, String name) {
        String n = in.string("name", name == null);
        if (name != null && n != null && !n.equals(name)) {
            in.problem("name", "is the channel's key and cannot change (it is '" + name + "')");
        }
        String mount = in.string("mount", true);
        ChannelKind kind = kind(in, "kind", true);
        PlayMode mode = mode(in);
        int recent = in.integer("recentWindow", 0);
        int upcoming = in.integer("upcomingCount", DEFAULT_UPCOMING);
        List<ChannelSpec.Item> items = items(in, true);
        ChannelSpec spec = new ChannelSpec(name != null ? name : n, mount, kind, mode, recent, upcoming, items,
                in.string("referenceItem", false), in.string("title", false), in.string("genre", false),
                in.string("description", false));
        ChannelFields.problems(spec).forEach(in::problem);
        in.check();
        return spec;
    }

    /** The "items" of a body: each {"path", "weight"} (weight 10 when left out); then 400 when any is bad. */
    public static List<ChannelSpec.Item> itemsOnly(JsonBody in) {
        List<ChannelSpec.Item> items = items(in, true);
        String problem = ChannelFields.itemsProblem(items);
        if (problem != null) {
            in.problem("items", problem);
        }
        in.check();
        return items;
    }

    private static List<ChannelSpec.Item> items(JsonBody in, boolean required) {
        if (required && !in.has("items")) {
            in.problem("items", FieldMessages.text("channel.items.needed"));
            return List.of();
        }
        List<ChannelSpec.Item> items = new ArrayList<>();
        for (JsonBody item : in.objects("items")) {
            String path = item.string("path", true);
            int weight = item.integer("weight", PlaylistItem.DEFAULT_WEIGHT);
            in.absorb("items", item);
            items.add(new ChannelSpec.Item(path, weight));
        }
        return items;
    }

    /** "stream" or "radio" in any case; null when absent (a problem when required) or unknown (a problem). */
    static ChannelKind kind(JsonBody in, String field, boolean required) {
        String text = in.string(field, required);
        if (text == null) {
            return null;
        }
        try {
            return ChannelKind.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            in.problem(field, FieldMessages.text("channel.kind"));
            return null;
        }
    }

    private static PlayMode mode(JsonBody in) {
        String text = in.string("mode", false);
        if (text == null) {
            return PlayMode.SEQUENTIAL_LOOPED;
        }
        try {
            return PlayMode.parse(text);
        } catch (IllegalArgumentException e) {
            in.problem("mode", FieldMessages.text("channel.mode"));
            return null;
        }
    }
}
