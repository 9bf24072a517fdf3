package org.tributary.web.console.sessions;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Filters and sorts the Sessions page's rows by one column. */
public final class SessionTable {

    /** The sortable columns, by the names the page's header links use. */
    static final Map<String, Comparator<SessionRow>> COLUMNS = Map.of(
            "address", Comparator.comparing(SessionRow::address),
            "user", Comparator.comparing(SessionRow::user),
            "file", Comparator.comparing(SessionRow::file),
            "transport", Comparator.comparing(SessionRow::transport),
            "bitrate", Comparator.comparingLong(SessionRow::bitsPerSecond),
            "loss", Comparator.comparingDouble(SessionRow::lossPercent),
            "duration", Comparator.comparingLong(SessionRow::durationSeconds),
            "player", Comparator.comparing(SessionRow::player));

    private SessionTable() {
    }

    /** The rows containing {@code filter} (all when blank), sorted by {@code column} (unknown: by duration). */
    public static List<SessionRow> view(List<SessionRow> rows, String filter, String column, boolean ascending) {
        Comparator<SessionRow> order = COLUMNS.getOrDefault(column, COLUMNS.get("duration"));
        return rows.stream()
                .filter(r -> filter == null || filter.isBlank() || r.matches(filter.trim()))
                .sorted(ascending ? order : order.reversed())
                .toList();
    }
}
