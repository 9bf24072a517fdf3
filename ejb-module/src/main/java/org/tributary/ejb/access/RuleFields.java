package org.tributary.ejb.access;

import org.tributary.ejb.fields.FieldMessages;
import org.tributary.ejb.fields.FieldValidation;
import org.tributary.ejb.users.UserFields;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The field rules of folder rules and of broadcaster accounts' paths, shared by the console's pages and the
 * API. A rule's single-field formats are the Bean Validation constraints of {@link RuleSpec}; the names of a
 * permission and its listed audience are checked here. Problems are keyed by the API's field names ("path",
 * "read.users", "allowFrom", ...), in the order of the form.
 */
public final class RuleFields {

    private static final List<String> FORM_ORDER = List.of("path", "realm", "read.users", "read.groups",
            "write.users", "write.groups", "allowFrom", "denyFrom", "note");

    private RuleFields() {
    }

    /** What is wrong with a rule, by field; empty when it may be saved. A null path is left to the caller. */
    public static Map<String, String> problems(RuleSpec spec) {
        Map<String, String> problems = new LinkedHashMap<>();
        FieldValidation.problems(spec, List.of("pathPrefix", "realm", "allowFrom", "denyFrom", "note"))
                .forEach((field, message) -> problems.put(field.equals("pathPrefix") ? "path" : field, message));
        permission(problems, "read", spec.read());
        permission(problems, "write", spec.write());
        return ordered(problems);
    }

    /** What is wrong with a broadcaster account's path prefixes, or null. */
    public static String broadcastPathsProblem(List<String> paths) {
        if (paths.isEmpty()) {
            return FieldMessages.text("broadcaster.paths.needed");
        }
        return paths.stream().anyMatch(p -> p.contains("..") || p.contains("\\") || p.length() > 1024)
                ? FieldMessages.text("broadcaster.paths") : null;
    }

    private static void permission(Map<String, String> problems, String field, Permission p) {
        put(problems, field + ".users", UserFields.namesProblem(p.getUsers()));
        put(problems, field + ".groups", UserFields.namesProblem(p.getGroups()));
        if (p.getAudience() == Audience.LISTED && p.getUsers().isEmpty() && p.getGroups().isEmpty()) {
            put(problems, field + ".users", FieldMessages.text("rule.listed"));
        }
    }

    /** The problems in the order of the form (the permissions come between the realm and the address blocks). */
    private static Map<String, String> ordered(Map<String, String> problems) {
        Map<String, String> ordered = new LinkedHashMap<>();
        FORM_ORDER.forEach(field -> {
            if (problems.containsKey(field)) {
                ordered.put(field, problems.get(field));
            }
        });
        return ordered;
    }

    private static void put(Map<String, String> problems, String field, String problem) {
        if (problem != null) {
            problems.putIfAbsent(field, problem);
        }
    }
}
