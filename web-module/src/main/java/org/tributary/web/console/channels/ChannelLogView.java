package org.tributary.web.console.channels;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.tributary.api.PlayLogEntry;
import org.tributary.ejb.adapter.AdapterOfflineException;
import org.tributary.ejb.channels.ChannelService;
import org.tributary.ejb.channels.ChannelStatus;
import org.tributary.web.console.Messages;

import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** A channel's play log, newest first: the items it started since it started (at most the adapter's last 200). */
@Named
@ViewScoped
public class ChannelLogView implements Serializable {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    @EJB
    private ChannelService channels;

    private String name;
    private List<LogLine> lines = List.of();
    private String state = "";
    private String error;

    /** One line of the log. */
    public record LogLine(String date, String time, String path, String title) implements Serializable {
        static LogLine of(PlayLogEntry e) {
            return new LogLine(DATE.format(e.startedAt()), TIME.format(e.startedAt()), e.path(), e.title());
        }
    }

    public String load() {
        if (name == null || name.isBlank()) {
            return "/channels?faces-redirect=true";
        }
        try {
            Optional<ChannelStatus> channel = channels.find(name);
            if (channel.isEmpty()) {
                Messages.infoAfterRedirect("There is no channel '" + name + "'.");
                return "/channels?faces-redirect=true";
            }
            state = channel.get().state();
            List<LogLine> newestFirst = new ArrayList<>(channel.get().playLog().stream().map(LogLine::of).toList());
            Collections.reverse(newestFirst);
            lines = newestFirst;
            error = null;
        } catch (AdapterOfflineException e) {
            lines = List.of();
            error = e.getMessage();
        }
        return null;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public List<LogLine> getLines() { return lines; }
    public String getState() { return state; }
    public String getError() { return error; }
}
