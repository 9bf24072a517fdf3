package org.tributary.web.console.relays;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tributary.ejb.adapter.AdapterOfflineException;
import org.tributary.ejb.adapter.ClusterRole;
import org.tributary.ejb.relays.RelayException;
import org.tributary.ejb.relays.RelayService;
import org.tributary.web.console.ConsoleUser;
import org.tributary.web.console.Messages;
import org.tributary.web.security.ConsoleSecurity;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import java.util.logging.Logger;

/**
 * The Relays page: every relay with its state, bit rate, viewers, reconnects and last error, refreshed every few
 * seconds; Enable, Disable and Delete (admins).
 */
@Named
@ViewScoped
public class RelaysView implements Serializable {

    private static final Logger LOG = Logger.getLogger(RelaysView.class.getName());

    @EJB
    private RelayService relays;

    @Inject
    private ConsoleUser me;

    private List<RelayRow> rows = List.of();
    private String error;

    @PostConstruct
    void init() {
        refresh();
    }

    /** Reads the relays again (the page's timer and the Refresh button). */
    public void refresh() {
        try {
            ZoneId zone = ZoneId.systemDefault();
            rows = relays.list().stream().map(s -> RelayRow.of(s, zone)).toList();
            error = null;
        } catch (AdapterOfflineException e) {
            rows = List.of();
            error = e.getMessage();
        }
    }

    public void enable(RelayRow row) {
        setEnabled(row, true);
    }

    public void disable(RelayRow row) {
        setEnabled(row, false);
    }

    private void setEnabled(RelayRow row, boolean enabled) {
        if (!me.may(ConsoleSecurity.ADMIN, (enabled ? "enable" : "disable") + " relays")) {
            return;
        }
        act(() -> {
            relays.setEnabled(row.name(), enabled);
            LOG.info("console account '" + me.getName() + "' " + (enabled ? "enabled" : "disabled") + " relay " + row.name());
            Messages.info(ClusterRole.current().confirm((enabled ? "Enabled " : "Disabled ") + row.name()));
        });
    }

    public void delete(RelayRow row) {
        if (!me.may(ConsoleSecurity.ADMIN, "delete relays")) {
            return;
        }
        act(() -> {
            relays.delete(row.name());
            LOG.info("console account '" + me.getName() + "' deleted relay " + row.name());
            Messages.info(ClusterRole.current().confirm("Deleted " + row.name()));
        });
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (AdapterOfflineException | RelayException e) {
            Messages.error(null, e.getMessage());
        }
        refresh();
    }

    public List<RelayRow> getRows() {
        return rows;
    }

    public String getError() {
        return error;
    }
}
