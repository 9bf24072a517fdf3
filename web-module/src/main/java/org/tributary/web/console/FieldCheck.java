package org.tributary.web.console;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.tributary.web.api.ApiException;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects per-field problems of a form, to show each next to its field ({@code h:message}). The API's
 * validation (its 400 "fields") is reused through {@link #absorb}, so the pages and the API accept and
 * refuse the same values.
 */
public final class FieldCheck {

    private final String form;
    private final Map<String, String> problems = new LinkedHashMap<>();

    public FieldCheck(String form) {
        this.form = form;
    }

    public void problem(String field, String message) {
        problems.putIfAbsent(field, message);
    }

    /** The "fields" of an API validation failure; API names like "read.users" become "read_users". */
    public void absorb(ApiException e) {
        JsonObject details = e.details();
        JsonValue fields = details == null ? null : details.get("fields");
        if (fields instanceof JsonObject object) {
            object.forEach((name, message) -> problem(name.replace('.', '_'),
                    message instanceof JsonString s ? s.getString() : message.toString()));
        } else {
            problems.putIfAbsent("", e.getMessage());
        }
    }

    /** The problems so far, by field id. */
    public Map<String, String> problems() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** Shows the problems on the page; returns whether there were none. */
    public boolean report() {
        problems.forEach((field, message) -> Messages.error(field.isEmpty() ? null : form + ":" + field, message));
        if (!problems.isEmpty()) {
            Messages.error(null, "Please correct the marked field(s).");
        }
        return problems.isEmpty();
    }

    /** Words of a text field (names, paths, address blocks), split at commas and white space. */
    public static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.trim().split("[,\\s]+")).filter(w -> !w.isEmpty()).toList();
    }
}
