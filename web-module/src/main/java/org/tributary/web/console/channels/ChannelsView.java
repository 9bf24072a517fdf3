package org.tributary.web.console.channels;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tributary.ejb.adapter.AdapterOfflineException;
import org.tributary.ejb.adapter.ClusterRole;
import org.tributary.ejb.channels.ChannelException;
import org.tributary.ejb.channels.ChannelResult;
import org.tributary.ejb.channels.ChannelService;
import org.tributary.ejb.channels.ChannelStatus;
import org.tributary.ejb.media.MediaLibraryService;
import org.tributary.web.console.ConsoleUser;
import org.tributary.web.console.Messages;
import org.tributary.web.console.media.PlayerLinks;
import org.tributary.web.security.ConsoleSecurity;

import java.io.Serializable;
import java.util.List;
import java.util.logging.Logger;

/**
 * The Channels page: every channel with its state, now playing and up next, refreshed every few seconds;
 * Start, Stop and Skip (operators), Delete (admins). A refused start lists each problem.
 */
@Named
@ViewScoped
public class ChannelsView implements Serializable {

    private static final Logger LOG = Logger.getLogger(ChannelsView.class.getName());

    @EJB
    private ChannelService channels;

    @EJB
    private MediaLibraryService library;

    @Inject
    private ConsoleUser me;

    private List<ChannelRow> rows = List.of();
    private String error;

    @PostConstruct
    void init() {
        refresh();
    }

    /** Reads the channels again (the page's timer and the Refresh button). */
    public void refresh() {
        try {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            String host = external.getRequestServerName();
            PlayerLinks links = new PlayerLinks(external.getRequestScheme() + "://" + host + ":"
                    + external.getRequestServerPort(), external.getRequestContextPath());
            List<ChannelStatus> all = channels.list();
            rows = all.stream().map(s -> ChannelRow.of(s, library.rtspUrl(s.spec().mount(), host),
                    links.hlsUrl(s.spec().mount(), null))).toList();
            error = null;
        } catch (AdapterOfflineException e) {
            rows = List.of();
            error = e.getMessage();
        }
    }

    public void start(ChannelRow row) {
        if (!me.may(ConsoleSecurity.OPERATOR, "start channels")) {
            return;
        }
        act(row, () -> {
            ChannelResult result = channels.start(row.name());
            if (result.accepted()) {
                LOG.info("console account '" + me.getName() + "' started channel " + row.name());
                Messages.info(ClusterRole.current().confirm("Started " + row.name()));
            } else {
                Messages.error(null, row.name() + " was not started:");
                result.problems().forEach(p -> Messages.error(null, p));
            }
        });
    }

    public void stop(ChannelRow row) {
        if (!me.may(ConsoleSecurity.OPERATOR, "stop channels")) {
            return;
        }
        act(row, () -> {
            channels.stop(row.name());
            LOG.info("console account '" + me.getName() + "' stopped channel " + row.name());
            Messages.info(ClusterRole.current().confirm("Stopped " + row.name()));
        });
    }

    public void skip(ChannelRow row) {
        if (!me.may(ConsoleSecurity.OPERATOR, "skip items of channels")) {
            return;
        }
        act(row, () -> {
            channels.skip(row.name());
            Messages.info("Skipped to the next item of " + row.name() + ".");
        });
    }

    public void delete(ChannelRow row) {
        if (!me.may(ConsoleSecurity.ADMIN, "delete channels")) {
            return;
        }
        act(row, () -> {
            channels.delete(row.name());
            LOG.info("console account '" + me.getName() + "' deleted channel " + row.name());
            Messages.info(ClusterRole.current().confirm("Deleted " + row.name()));
        });
    }

    private void act(ChannelRow row, Runnable action) {
        try {
            action.run();
        } catch (AdapterOfflineException | ChannelException e) {
            Messages.error(null, e.getMessage());
        }
        refresh();
    }

    public List<ChannelRow> getRows() {
        return rows;
    }

    public String getError() {
        return error;
    }
}
