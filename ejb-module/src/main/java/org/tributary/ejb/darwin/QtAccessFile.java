package org.tributary.ejb.darwin;

import org.tributary.rtsp.header.AuthScheme;
import org.tributary.ejb.access.Permission;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A parsed qtaccess file (Darwin §9.2): AuthName, AuthScheme, AuthUserFile, AuthGroupFile, and
 * {@code require user|group|valid-user|any-user} lines, outside a Limit for READ, inside
 * {@code <Limit WRITE>}, {@code <Limit READ>} or {@code <Limit READ WRITE>} for those actions.
 *
 * @param authName  the AuthName realm, or null
 * @param scheme    the AuthScheme, or null (the server's)
 * @param userFile  AuthUserFile, or null
 * @param groupFile AuthGroupFile, or null
 * @param read      who may read
 * @param write     who may publish
 * @param problems  bad lines
 */
public record QtAccessFile(String authName, AuthScheme scheme, String userFile, String groupFile, Permission read,
                           Permission write, List<ParseProblem> problems) {

    public static QtAccessFile parse(String fileName, String text) {
        List<ParseProblem> problems = new ArrayList<>();
        Requirements read = new Requirements();
        Requirements write = new Requirements();
        List<Requirements> current = List.of(read);
        boolean inLimit = false;
        int limitLine = 0;
        String authName = null;
        AuthScheme scheme = null;
        String userFile = null;
        String groupFile = null;
        int number = 0;
        for (String raw : text.split("\r?\n", -1)) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\p{javaWhitespace}+");
            String keyword = words[0].toLowerCase(Locale.ROOT);
            String rest = line.substring(words[0].length()).strip();
            switch (keyword) {
                case "authname" -> authName = unquote(rest);
                case "authuserfile" -> userFile = rest.isEmpty() ? null : unquote(rest);
                case "authgroupfile" -> groupFile = rest.isEmpty() ? null : unquote(rest);
                case "authscheme" -> {
                    switch (rest.toLowerCase(Locale.ROOT)) {
                        case "basic" -> scheme = AuthScheme.BASIC;
                        case "digest" -> scheme = AuthScheme.DIGEST;
                        default -> problems.add(new ParseProblem(fileName, number, "AuthScheme must be basic or digest, not '" + rest + "'"));
                    }
                }
                case "require" -> require(fileName, number, words, current, problems);
                case "</limit>" -> {
                    if (!inLimit) {
                        problems.add(new ParseProblem(fileName, number, "</Limit> without <Limit>"));
                    }
                    inLimit = false;
                    current = List.of(read);
                }
                default -> {
                    if (keyword.startsWith("<limit")) {
                        if (inLimit) {
                            problems.add(new ParseProblem(fileName, number, "<Limit> inside <Limit>"));
                        }
                        List<Requirements> limited = limit(fileName, number, line, read, write, problems);
                        inLimit = true;
                        limitLine = number;
                        current = limited;
                    } else {
                        problems.add(new ParseProblem(fileName, number, "unknown directive '" + words[0] + "'"));
                    }
                }
            }
        }
        if (inLimit) {
            problems.add(new ParseProblem(fileName, limitLine, "<Limit> is not closed"));
        }
        return new QtAccessFile(authName, scheme, userFile, groupFile, read.toPermission(), write.toPermission(),
                List.copyOf(problems));
    }

    private static void require(String file, int number, String[] words, List<Requirements> targets,
                                List<ParseProblem> problems) {
        String kind = words.length < 2 ? "" : words[1].toLowerCase(Locale.ROOT);
        List<String> names = Arrays.asList(words).subList(Math.min(2, words.length), words.length);
        switch (kind) {
            case "any-user" -> targets.forEach(Requirements::anyUser);
            case "valid-user" -> targets.forEach(Requirements::validUser);
            case "user", "group" -> {
                if (names.isEmpty()) {
                    problems.add(new ParseProblem(file, number, "require " + kind + " needs at least one name"));
                } else if (kind.equals("user")) {
                    targets.forEach(t -> t.users(names));
                } else {
                    targets.forEach(t -> t.groups(names));
                }
            }
            default -> problems.add(new ParseProblem(file, number,
                    "require must be followed by user, group, valid-user or any-user"));
        }
    }

    private static List<Requirements> limit(String file, int number, String line, Requirements read, Requirements write,
                                            List<ParseProblem> problems) {
        if (!line.endsWith(">")) {
            problems.add(new ParseProblem(file, number, "<Limit ...> must end with '>'"));
            return List.of();
        }
        String[] methods = line.substring(line.indexOf(' ') < 0 ? line.length() - 1 : line.indexOf(' '), line.length() - 1)
                .strip().split("\\p{javaWhitespace}+");
        List<Requirements> targets = new ArrayList<>();
        for (String m : methods) {
            switch (m.toUpperCase(Locale.ROOT)) {
                case "READ" -> targets.add(read);
                case "WRITE" -> targets.add(write);
                default -> problems.add(new ParseProblem(file, number, "<Limit> takes READ and/or WRITE, not '" + m + "'"));
            }
        }
        return targets;
    }

    private static String unquote(String text) {
        String t = text.strip();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
