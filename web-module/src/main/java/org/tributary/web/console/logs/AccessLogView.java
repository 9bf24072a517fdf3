package org.tributary.web.console.logs;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.tributary.ejb.adapter.ClusterRole;
import org.tributary.ejb.logs.HistoryFilter;
import org.tributary.ejb.logs.SessionHistory;
import org.tributary.ejb.logs.SessionHistoryStore;
import org.tributary.web.console.Messages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The access history on the Logs page: the filters come from the URL (a GET form, so a filtered view
 * can be bookmarked), the CSV link asks the API for the same filter.
 */
@Named
@RequestScoped
public class AccessLogView {

    static final int PAGE_SIZE = 50;

    @EJB
    private SessionHistoryStore history;

    private String from;
    private String to;
    private String path;
    private String user;
    private String client;
    private String status;
    private String node;
    private int page;
    private List<SessionHistory> rows;
    private long total;
    private final Map<String, String> errors = new LinkedHashMap<>();

    /** The view action: runs the query once the filters are set. */
    public void load() {
        HistoryFilter filter = filter();
        if (filter == null) {
            rows = List.of();
            Messages.error(null, "Please correct the marked filter(s).");
            return;
        }
        page = Math.max(0, page);
        total = history.count(filter);
        rows = history.find(filter, page * PAGE_SIZE, PAGE_SIZE);
    }

    private HistoryFilter filter() {
        boolean ok = true;
        Instant f = null;
        Instant t = null;
        Integer s = null;
        try {
            f = instant(from, false);
        } catch (DateTimeParseException e) {
            errors.put("from", "A date like 2025-01-31 or an instant like 2025-01-31T12:00:00Z.");
            ok = false;
        }
        try {
            t = instant(to, true);
        } catch (DateTimeParseException e) {
            errors.put("to", "A date like 2025-01-31 or an instant like 2025-01-31T12:00:00Z.");
            ok = false;
        }
        if (status != null && !status.isBlank()) {
            try {
                s = Integer.valueOf(status.trim());
            } catch (NumberFormatException e) {
                errors.put("status", "An RTSP status code such as 200 or 401.");
                ok = false;
            }
        }
        return ok ? new HistoryFilter(f, t, blankToNull(path), blankToNull(user), blankToNull(client), s,
                blankToNull(node)) : null;
    }

    /** A date means its whole day: "to" a date includes that day. */
    static Instant instant(String text, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String v = text.trim();
        if (v.length() == 10) {
            LocalDate day = LocalDate.parse(v);
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return Instant.parse(v);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The API's CSV export with the same filter. */
    public String getCsvUrl() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("from", from);
        query.put("to", to);
        query.put("path", path);
        query.put("user", user);
        query.put("client", client);
        query.put("status", status);
        query.put("node", node);
        String q = query.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().trim(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String base = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/api/logs/sessions.csv";
        return q.isEmpty() ? base : base + "?" + q;
    }

    public boolean isHasPrevious() {
        return page > 0;
    }

    public boolean isHasNext() {
        return (long) (page + 1) * PAGE_SIZE < total;
    }

    /** Problems of the filters by field name (shown next to each). */
    public Map<String, String> getErrors() { return errors; }
    public List<SessionHistory> getRows() { return rows; }
    public long getTotal() { return total; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getTo() { return to; }
    public void setTo(String to) { this.to = to; }
    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public String getUser() { return user; }
    public void setUser(String user) { this.user = user; }
    public String getClient() { return client; }
    public void setClient(String client) { this.client = client; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getNode() { return node; }
    public void setNode(String node) { this.node = node; }
    /** Whether this server is a cluster node: the history then names the node of each row. */
    public boolean isClustered() { return ClusterRole.current() != ClusterRole.SINGLE; }
    public int getPage() { return page; }
    public void setPage(int page) { this.page = page; }
}
