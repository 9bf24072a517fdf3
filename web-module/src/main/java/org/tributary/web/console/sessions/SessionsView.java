package org.tributary.web.console.sessions;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tributary.ejb.adapter.AdapterClient;
import org.tributary.web.console.ConsoleUser;
import org.tributary.web.console.Messages;
import org.tributary.web.security.ConsoleSecurity;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The Sessions page: the adapter's live sessions, filtered and sorted, refreshed every few seconds by the
 * page, and the Disconnect action (operators). The rows stay in the view between refreshes, so a button
 * always acts on the session its row showed.
 */
@Named
@ViewScoped
public class SessionsView implements Serializable {

    private static final Logger LOG = Logger.getLogger(SessionsView.class.getName());

    @EJB
    private AdapterClient adapter;

    @Inject
    private ConsoleUser me;

    private List<SessionRow> all = new ArrayList<>();
    private List<BroadcastRow> broadcasts = List.of();
    private List<SessionRow> rows = List.of();
    private String filter = "";
    private String sort = "duration";
    private boolean ascending;
    private String error;

    @PostConstruct
    void init() {
        refresh();
    }

    /** Reads the sessions again (the page's timer and the Refresh button). */
    public void refresh() {
        try {
            Instant now = Instant.now();
            all = new ArrayList<>(adapter.sessions().stream().map(s -> SessionRow.of(s, now)).toList());
            broadcasts = adapter.broadcasts().stream().map(b -> BroadcastRow.of(b, now))
                    .sorted(java.util.Comparator.comparing(BroadcastRow::path)).toList();
            error = null;
        } catch (AdapterClient.AdapterUnavailableException e) {
            all = new ArrayList<>();
            broadcasts = List.of();
            error = e.getMessage();
        }
        apply();
    }

    /** Sorts by a column; the same column again reverses the order. */
    public void sortBy(String column) {
        ascending = column.equals(sort) ? !ascending : !"duration".equals(column) && !"bitrate".equals(column);
        sort = column;
        apply();
    }

    public void apply() {
        rows = SessionTable.view(all, filter, sort, ascending);
    }

    public void disconnect(SessionRow row) {
        if (!me.may(ConsoleSecurity.OPERATOR, "disconnect sessions")) {
            return;
        }
        try {
            if (adapter.closeSession(row.id())) {
                LOG.info("console account '" + me.getName() + "' ended session " + row.id() + " of " + row.address());
                Messages.info("Disconnected " + row.address() + " (" + row.file() + ").");
            } else {
                Messages.info("That session had already ended.");
            }
        } catch (AdapterClient.AdapterUnavailableException e) {
            Messages.error(null, e.getMessage());
        }
        refresh();
    }

    /** Ends a broadcast: the publisher's session, and its viewers with it (operators). */
    public void endBroadcast(BroadcastRow row) {
        if (!me.may(ConsoleSecurity.OPERATOR, "end broadcasts")) {
            return;
        }
        try {
            if (adapter.closeSession(row.id())) {
                LOG.info("console account '" + me.getName() + "' ended the broadcast of " + row.path() + " from "
                        + row.publisher());
                Messages.info("Ended the broadcast of " + row.path() + " (" + row.viewers() + " viewer(s)).");
            } else {
                Messages.info("That broadcast had already ended.");
            }
        } catch (AdapterClient.AdapterUnavailableException e) {
            Messages.error(null, e.getMessage());
        }
        refresh();
    }

    public List<BroadcastRow> getBroadcasts() {
        return broadcasts;
    }

    /** The arrow next to the sorted column's title. */
    public String arrow(String column) {
        return column.equals(sort) ? (ascending ? " ▲" : " ▼") : "";
    }

    public List<SessionRow> getRows() {
        return rows;
    }

    public int getTotal() {
        return all.size();
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter == null ? "" : filter;
    }

    public String getError() {
        return error;
    }
}
