package org.tributary.ejb.darwin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed qtgroups file: one {@code group: user1 user2 ...} per line. */
public record QtGroupsFile(Map<String, List<String>> groups, List<ParseProblem> problems) {

    public static QtGroupsFile parse(String fileName, String text) {
        List<ParseProblem> problems = new ArrayList<>();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        int number = 0;
        for (String raw : text.split("\r?\n", -1)) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).strip();
            if (colon < 0) {
                problems.add(new ParseProblem(fileName, number, "expected 'group: user1 user2 ...'"));
            } else if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
                problems.add(new ParseProblem(fileName, number, "invalid group name '" + name + "'"));
            } else if (groups.containsKey(name)) {
                problems.add(new ParseProblem(fileName, number, "group '" + name + "' appears twice"));
            } else {
                String members = line.substring(colon + 1).strip();
                groups.put(name, members.isEmpty() ? List.of() : Arrays.asList(members.split("\\p{javaWhitespace}+")));
            }
        }
        return new QtGroupsFile(groups, List.copyOf(problems));
    }
}
