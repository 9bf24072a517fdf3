package org.tributary.web.console.relays;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tributary.api.RelayDefinition;
import org.tributary.ejb.adapter.AdapterOfflineException;
import org.tributary.ejb.adapter.ClusterRole;
import org.tributary.ejb.fields.FieldMessages;
import org.tributary.ejb.relays.RelayException;
import org.tributary.ejb.relays.RelayFields;
import org.tributary.ejb.relays.RelayService;
import org.tributary.ejb.relays.RelaySpec;
import org.tributary.web.console.ConsoleUser;
import org.tributary.web.console.FieldCheck;
import org.tributary.web.console.Messages;
import org.tributary.web.security.ConsoleSecurity;

import java.io.Serializable;
import java.util.Optional;

/**
 * Creates or changes a relay (admins). The password field is write-only: it is never filled in, and left blank
 * it keeps the stored password ("Remove the stored password" removes it). Saving hands the relay to the server,
 * which runs it (or stops it when disabled); when the server refuses it nothing is saved.
 */
@Named
@ViewScoped
public class RelayEditView implements Serializable {

    @EJB
    private RelayService relays;

    @Inject
    private ConsoleUser me;

    private String name;
    private boolean existing;
    private boolean storedPassword;
    private String direction = "pull";
    private String path = "";
    private String url = "";
    private String user = "";
    private String password = "";
    private boolean clearPassword;
    private String transport = "tcp";
    private boolean onDemand;
    private int lingerSeconds = RelaySpec.DEFAULT_LINGER;
    private boolean enabled = true;

    public String load() {
        if (name != null && !name.isBlank()) {
            Optional<RelaySpec> spec = relays.definition(name);
            if (spec.isEmpty()) {
                Messages.infoAfterRedirect("There is no relay '" + name + "'.");
                return "/relays?faces-redirect=true";
            }
            existing = true;
            RelaySpec s = spec.get();
            direction = s.direction() == RelayDefinition.Direction.PULL ? "pull" : "push";
            path = s.path();
            url = s.url();
            user = s.user() == null ? "" : s.user();
            transport = s.transport();
            onDemand = s.onDemand();
            lingerSeconds = s.lingerSeconds();
            enabled = s.enabled();
            storedPassword = relays.hasPassword(name);
        }
        return null;
    }

    public String save() {
        if (!me.may(ConsoleSecurity.ADMIN, "change relays")) {
            return null;
        }
        FieldCheck check = new FieldCheck("relay");
        String n = name == null ? "" : name.trim();
        RelayDefinition.Direction d = "pull".equals(direction) ? RelayDefinition.Direction.PULL
                : "push".equals(direction) ? RelayDefinition.Direction.PUSH : null;
        String pw = clearPassword ? "" : password == null || password.isEmpty() ? null : password;
        RelaySpec spec = new RelaySpec(n, d, path == null ? null : path.trim(), url == null ? null : url.trim(), user, pw,
                transport, onDemand, lingerSeconds, enabled);
        check.absorb(RelayFields.problems(spec));
        if (!existing && check.ok() && relays.definition(n).isPresent()) {
            check.problem("name", FieldMessages.text("relay.name.taken", n));
        }
        if (!check.report()) {
            return null;
        }
        try {
            relays.put(spec);
        } catch (AdapterOfflineException | RelayException e) {
            Messages.error(null, "Nothing was saved: " + e.getMessage());
            return null;
        }
        Messages.infoAfterRedirect(ClusterRole.current().confirm("Saved relay '" + n + "'"));
        return "/relays?faces-redirect=true";
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public boolean isExisting() { return existing; }
    public boolean isStoredPassword() { return storedPassword; }
    public String getDirection() { return direction; }
    public void setDirection(String direction) { this.direction = direction; }
    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getUser() { return user; }
    public void setUser(String user) { this.user = user; }
    /** Always empty: the stored password is never sent to the browser. */
    public String getPassword() { return ""; }
    public void setPassword(String password) { this.password = password; }
    public boolean isClearPassword() { return clearPassword; }
    public void setClearPassword(boolean clearPassword) { this.clearPassword = clearPassword; }
    public String getTransport() { return transport; }
    public void setTransport(String transport) { this.transport = transport; }
    public boolean isOnDemand() { return onDemand; }
    public void setOnDemand(boolean onDemand) { this.onDemand = onDemand; }
    public int getLingerSeconds() { return lingerSeconds; }
    public void setLingerSeconds(int lingerSeconds) { this.lingerSeconds = lingerSeconds; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
}
