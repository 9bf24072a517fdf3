package org.tributary.ejb.access;

import org.tributary.ejb.fields.FieldMessages;
import org.tributary.ejb.users.UserFields;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The field rules of folder rules and of broadcaster accounts' paths, shared by the console's pages and the
 * API. A rule's problems are keyed by the API's field names ("path", "read.users", "allowFrom", ...), in the
 * order of the form.
 */
public final class RuleFields {

    private static final Pattern CIDR = Pattern.compile("[0-9A-Fa-f:.]+/\\d{1,3}");

    private RuleFields() {
    }

    /** What is wrong with a rule, by field; empty when it may be saved. A null path is left to the caller. */
    public static Map<String, String> problems(RuleSpec spec) {
        Map<String, String> problems = new LinkedHashMap<>();
        String path = spec.pathPrefix();
        if (path != null && (path.length() > 1024 || path.contains("..") || path.contains("\\"))) {
            problems.put("path", FieldMessages.text("rule.path"));
        }
        put(problems, "realm", UserFields.realmProblem(spec.realm()));
        permission(problems, "read", spec.read());
        permission(problems, "write", spec.write());
        blocks(problems, "allowFrom", spec.allowFrom());
        blocks(problems, "denyFrom", spec.denyFrom());
        if (spec.note() != null && spec.note().length() > 512) {
            problems.put("note", FieldMessages.text("rule.note"));
        }
        return problems;
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

    private static void blocks(Map<String, String> problems, String field, List<String> blocks) {
        blocks.stream().filter(b -> !CIDR.matcher(b).matches()).findFirst()
                .ifPresent(b -> problems.put(field, FieldMessages.text("rule.block", b)));
    }

    private static void put(Map<String, String> problems, String field, String problem) {
        if (problem != null) {
            problems.putIfAbsent(field, problem);
        }
    }
}
