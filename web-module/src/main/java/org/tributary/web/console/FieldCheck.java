package org.tributary.web.console;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects per-field problems of a form, to show each next to its field ({@code h:message}). The field rules
 * of the EJB services (which the API applies too) come in through {@link #absorb}, so the pages and the API
 * accept and refuse the same values with the same messages.
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

    /** Problems keyed by the services' field names; names like "read.users" become the form's "read_users". */
    public void absorb(Map<String, String> fieldProblems) {
        fieldProblems.forEach((name, message) -> problem(name.replace('.', '_'), message));
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
