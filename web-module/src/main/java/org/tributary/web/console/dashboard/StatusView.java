package org.tributary.web.console.dashboard;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.tributary.api.AdapterStatus;
import org.tributary.ejb.adapter.AdapterClient;

import java.time.Duration;
import java.time.Instant;

/**
 * The adapter's status for the dashboard's Server card (version, listener, uptime, requests, connections,
 * media folder) at page load; dashboard.js then keeps the changing ones current from {@code /api/status}.
 */
@Named
@RequestScoped
public class StatusView {

    @EJB
    private AdapterClient adapter;

    private AdapterStatus status;
    private String error;

    @PostConstruct
    void load() {
        try {
            status = adapter.status();
        } catch (AdapterClient.AdapterUnavailableException e) {
            error = e.getMessage();
        }
    }

    public AdapterStatus getStatus() {
        return status;
    }

    public String getError() {
        return error;
    }

    public boolean isAvailable() {
        return status != null;
    }

    /** "3 open, 120 since start" (the dashboard's script keeps it current from /api/status). */
    public String getConnections() {
        return status == null ? "" : connections(status.openConnections(), status.totalConnections());
    }

    static String connections(long open, long total) {
        return open + " open, " + total + " since start";
    }

    /** Uptime as "2d 03:04:05". */
    public String getUptime() {
        if (status == null) {
            return "";
        }
        return uptime(status.uptimeSeconds(Instant.now()));
    }

    /** Seconds as "2d 03:04:05" (dashboard.js formats the live value the same way). */
    static String uptime(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        String clock = String.format("%02d:%02d:%02d", d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart());
        return d.toDays() > 0 ? d.toDays() + "d " + clock : clock;
    }

    /** The URL clients use, with this host's name when the adapter listens on every address. */
    public String getRtspUrl() {
        if (status == null) {
            return "";
        }
        String host = status.rtspBindAddress();
        if ("0.0.0.0".equals(host) || "::".equals(host)) {
            host = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getRequestServerName();
        }
        return "rtsp://" + host + ":" + status.rtspPort() + "/";
    }
}
