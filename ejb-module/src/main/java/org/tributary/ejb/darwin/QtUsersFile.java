package org.tributary.ejb.darwin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed qtusers file: {@code realm <name>} on the first line, then {@code user:crypt:md5hex} where
 * md5hex is MD5(user:realm:password). Blank lines and {@code #} comments are skipped.
 */
public record QtUsersFile(String realm, List<Entry> users, List<ParseProblem> problems) {

    /** One user line. */
    public record Entry(String name, String crypt, String ha1Md5) {
    }

    private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");

    public static QtUsersFile parse(String fileName, String text) {
        List<ParseProblem> problems = new ArrayList<>();
        Map<String, Entry> users = new LinkedHashMap<>();
        String realm = null;
        int number = 0;
        for (String raw : text.split("\r?\n", -1)) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (realm == null) {
                if (!line.startsWith("realm ") || line.substring(6).isBlank()) {
                    problems.add(new ParseProblem(fileName, number, "the first line must be 'realm <name>'"));
                    realm = "";
                    continue;
                }
                realm = line.substring(6).strip();
                continue;
            }
            String[] fields = line.split(":", -1);
            if (fields.length != 3) {
                problems.add(new ParseProblem(fileName, number, "expected user:crypt:md5, found " + fields.length + " fields"));
            } else if (fields[0].isEmpty() || fields[0].length() > 255 || fields[0].chars().anyMatch(Character::isWhitespace)) {
                problems.add(new ParseProblem(fileName, number, "invalid user name '" + fields[0] + "'"));
            } else if (!HEX32.matcher(fields[2]).matches()) {
                problems.add(new ParseProblem(fileName, number, "the digest of '" + fields[0] + "' is not 32 hex digits"));
            } else if (users.containsKey(fields[0])) {
                problems.add(new ParseProblem(fileName, number, "user '" + fields[0] + "' appears twice"));
            } else {
                users.put(fields[0], new Entry(fields[0], fields[1], fields[2].toLowerCase(java.util.Locale.ROOT)));
            }
        }
        if (realm == null) {
            problems.add(new ParseProblem(fileName, Math.max(1, number), "no 'realm <name>' line"));
        }
        return new QtUsersFile(realm == null ? "" : realm, List.copyOf(users.values()), List.copyOf(problems));
    }
}
