package org.tributary.ejb.channels;

import org.tributary.api.playlist.PlaylistItem;
import org.tributary.api.playlist.PlaylistLimits;
import org.tributary.ejb.fields.FieldMessages;
import org.tributary.ejb.fields.FieldValidation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The field rules of channels, shared by the console's pages and the API: the single-field formats are the
 * Bean Validation constraints of {@link ChannelSpec}, the items (at least one, at most
 * {@link PlaylistLimits#DEFAULTS}' items, each a path under the media root with a weight of 1 to 10) are
 * checked here. Problems are keyed by the API's field names, in the order of the form.
 */
public final class ChannelFields {

    static final List<String> FORM_ORDER = List.of("name", "mount", "kind", "mode", "recentWindow", "upcomingCount",
            "items", "referenceItem", "title", "genre", "description");
    private static final Pattern MEDIA_PATH = Pattern.compile(ChannelSpec.MEDIA_PATH);

    private ChannelFields() {
    }

    /** What is wrong with a channel, by field; empty when it may be stored. */
    public static Map<String, String> problems(ChannelSpec spec) {
        Map<String, String> found = new LinkedHashMap<>(FieldValidation.problems(spec, FORM_ORDER));
        String items = itemsProblem(spec.items());
        if (items != null) {
            found.put("items", items);
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        FORM_ORDER.forEach(field -> {
            if (found.containsKey(field)) {
                ordered.put(field, found.get(field));
            }
        });
        return ordered;
    }

    /** What is wrong with a playlist (to store, replace or insert), or null. */
    public static String itemsProblem(List<ChannelSpec.Item> items) {
        if (items.isEmpty()) {
            return FieldMessages.text("channel.items.needed");
        }
        if (items.size() > PlaylistLimits.DEFAULTS.maxItems()) {
            return FieldMessages.text("channel.items.max", PlaylistLimits.DEFAULTS.maxItems());
        }
        return eachItemProblem(items);
    }

    private static String eachItemProblem(List<ChannelSpec.Item> items) {
        for (int i = 0; i < items.size(); i++) {
            ChannelSpec.Item item = items.get(i);
            if (item == null || item.path() == null || item.path().isBlank() || item.path().length() > 1024
                    || !MEDIA_PATH.matcher(item.path()).matches()) {
                return FieldMessages.text("channel.item.path", i + 1);
            }
            if (item.weight() < PlaylistItem.MIN_WEIGHT || item.weight() > PlaylistItem.MAX_WEIGHT) {
                return FieldMessages.text("channel.item.weight", i + 1);
            }
        }
        return null;
    }
}
