package org.tributary.web.console.live;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tributary.api.LocalBroadcasterInfo;
import org.tributary.ejb.adapter.AdapterClient;
import org.tributary.web.console.ConsoleUser;
import org.tributary.web.console.Messages;
import org.tributary.web.security.ConsoleSecurity;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * The Local broadcasters page: the commands of the server's broadcasters file with their state, refreshed
 * every few seconds, and Start/Stop (admins). The commands are shown, never edited here.
 */
@Named
@ViewScoped
public class LocalBroadcastersView implements Serializable {

    private static final Logger LOG = Logger.getLogger(LocalBroadcastersView.class.getName());

    @EJB
    private AdapterClient adapter;

    @Inject
    private ConsoleUser me;

    private List<LocalBroadcasterRow> rows = List.of();
    private String error;

    @PostConstruct
    void init() {
        refresh();
    }

    /** Reads the broadcasters again (the page's timer and the Refresh button). */
    public void refresh() {
        try {
            Instant now = Instant.now();
            rows = adapter.localBroadcasters().stream().map(b -> LocalBroadcasterRow.of(b, now)).toList();
            error = null;
        } catch (AdapterClient.AdapterUnavailableException e) {
            rows = List.of();
            error = e.getMessage();
        }
    }

    public void start(LocalBroadcasterRow row) {
        if (!me.may(ConsoleSecurity.ADMIN, "start local broadcasters")) {
            return;
        }
        try {
            LocalBroadcasterInfo after = adapter.startLocalBroadcaster(row.name());
            if (after == null) {
                Messages.error(null, "There is no local broadcaster " + row.name() + " any more.");
            } else {
                LOG.info("console account '" + me.getName() + "' started local broadcaster " + row.name());
                Messages.info("Started " + row.name() + " (" + after.state() + "); it runs until stopped.");
            }
        } catch (AdapterClient.AdapterUnavailableException e) {
            Messages.error(null, e.getMessage());
        }
        refresh();
    }

    public void stop(LocalBroadcasterRow row) {
        if (!me.may(ConsoleSecurity.ADMIN, "stop local broadcasters")) {
            return;
        }
        try {
            LocalBroadcasterInfo after = adapter.stopLocalBroadcaster(row.name());
            if (after == null) {
                Messages.error(null, "There is no local broadcaster " + row.name() + " any more.");
            } else {
                LOG.info("console account '" + me.getName() + "' stopped local broadcaster " + row.name());
                Messages.info("Stopped " + row.name() + ("on-demand".equals(after.mode())
                        ? "; its next viewer starts it again." : "."));
            }
        } catch (AdapterClient.AdapterUnavailableException e) {
            Messages.error(null, e.getMessage());
        }
        refresh();
    }

    public List<LocalBroadcasterRow> getRows() {
        return rows;
    }

    public String getError() {
        return error;
    }
}
