package org.tributary.web.console.logs;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.tributary.ejb.logs.ErrorLogLine;
import org.tributary.ejb.logs.ErrorLogService;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The error log tail on the Logs page: the last lines at or above a level, newest first. */
@Named
@RequestScoped
public class ErrorLogView {

    static final List<String> LEVELS = List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE");

    @EJB
    private ErrorLogService errorLog;

    private String level = "WARN";
    private String lines = "200";
    private List<ErrorLogLine> rows = List.of();
    private final Map<String, String> errors = new LinkedHashMap<>();

    public void load() {
        int count;
        try {
            count = Integer.parseInt(lines == null ? "" : lines.trim());
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > ErrorLogService.MAX_LINES) {
            errors.put("lines", "A number from 1 to " + ErrorLogService.MAX_LINES + ".");
        }
        if (level == null || !LEVELS.contains(level)) {
            errors.put("level", "One of " + String.join(", ", LEVELS) + ".");
        }
        if (!errors.isEmpty()) {
            return;
        }
        List<ErrorLogLine> tail = new ArrayList<>(errorLog.tail(count, level));
        Collections.reverse(tail);
        rows = tail;
    }

    public List<String> getLevels() { return LEVELS; }
    public String getLevel() { return level; }
    public void setLevel(String level) { this.level = level; }
    public String getLines() { return lines; }
    public void setLines(String lines) { this.lines = lines; }
    public List<ErrorLogLine> getRows() { return rows; }
    public Map<String, String> getErrors() { return errors; }
}
