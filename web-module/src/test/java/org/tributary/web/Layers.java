package org.tributary.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the import lines of a source tree against a table of layers (rows, bottom to top). Package names are
 * written without the "org.tributary." prefix. A row entry is a package ("rtp"), the packages below one, each
 * a sibling of its own ("rtp.payload.*"), or a package with everything below it as one unit ("ejb.**").
 * A class may import its own unit and the rows below it; an import of a sibling of its row, of a row above
 * it, or of a package the table does not place is a violation.
 * The same class is in the test sources of rar-module, ejb-module and web-module (no shared test jar).
 */
public final class Layers {

    private static final Pattern IMPORT =
            Pattern.compile("^import\\s+(?:static\\s+)?org\\.tributary\\.([\\w.]+?)(?:\\.[A-Z][\\w.]*|\\.\\*)?\\s*;");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+org\\.tributary\\.([\\w.]+)\\s*;");

    private final List<List<String>> rows;

    public Layers(List<List<String>> rows) {
        this.rows = rows;
    }

    /** Every violation under {@code sourceRoot}, as "a.b.C imports x.y (above it)", sorted. */
    public List<String> violations(Path sourceRoot) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (!file.getFileName().toString().equals("package-info.java")) {
                    out.addAll(violations(file, Files.readAllLines(file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.stream().distinct().sorted().toList();
    }

    private List<String> violations(Path file, List<String> lines) {
        String own = null;
        List<String> out = new ArrayList<>();
        String className = file.getFileName().toString().replace(".java", "");
        for (String line : lines) {
            Matcher p = PACKAGE.matcher(line);
            if (p.find()) {
                own = p.group(1);
                continue;
            }
            Matcher i = IMPORT.matcher(line);
            if (i.find() && own != null) {
                String verdict = verdict(own, i.group(1));
                if (verdict != null) {
                    out.add(own + "." + className + " imports " + i.group(1) + " (" + verdict + ")");
                }
            }
        }
        if (own == null) {
            out.add(file + " has no package org.tributary.*");
        } else if (place(own) == null) {
            out.add(own + "." + className + " is in a package the layer table does not place");
        }
        return out;
    }

    /** Why {@code from} may not import {@code to}, or null when it may. */
    String verdict(String from, String to) {
        Place a = place(from);
        Place b = place(to);
        if (a == null) {
            return null; // reported once per class
        }
        if (b == null) {
            return "not in the layer table";
        }
        if (a.unit.equals(b.unit) || b.row < a.row) {
            return null;
        }
        return b.row == a.row ? "beside it" : "above it";
    }

    /** The row of a package and the unit it belongs to, or null when no entry matches. */
    Place place(String pkg) {
        Place best = null;
        int bestLength = -1;
        for (int row = 0; row < rows.size(); row++) {
            for (String entry : rows.get(row)) {
                String unit = unit(entry, pkg);
                int length = entry.replace(".**", "").replace(".*", "").length();
                if (unit != null && length > bestLength) {
                    best = new Place(row, unit);
                    bestLength = length;
                }
            }
        }
        return best;
    }

    private static String unit(String entry, String pkg) {
        if (entry.endsWith(".**")) {
            String base = entry.substring(0, entry.length() - 3);
            return pkg.equals(base) || pkg.startsWith(base + ".") ? entry : null;
        }
        if (entry.endsWith(".*")) {
            String base = entry.substring(0, entry.length() - 2);
            return pkg.startsWith(base + ".") ? pkg : null;
        }
        return pkg.equals(entry) ? pkg : null;
    }

    record Place(int row, String unit) {
    }
}
