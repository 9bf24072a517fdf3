package org.tributary.web.console.settings;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tributary.ejb.adapter.AdapterOfflineException;
import org.tributary.api.settings.SettingDescriptor;
import org.tributary.api.settings.SettingValues;
import org.tributary.api.settings.SettingsSchema;
import org.tributary.ejb.settings.InvalidSettingsException;
import org.tributary.ejb.settings.SettingsResult;
import org.tributary.ejb.settings.SettingsService;
import org.tributary.web.console.ConsoleUser;
import org.tributary.web.console.FieldCheck;
import org.tributary.web.console.Messages;
import org.tributary.web.security.ConsoleSecurity;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The Settings page (admins): the server settings form; saving validates every field, stores them and
 * applies what can be applied to the running adapter, then says which fields took effect now and which
 * wait for a restart. The fields, their sections, labels and hints come from the settings schema.
 */
@Named
@ViewScoped
public class SettingsView implements Serializable {

    private static final Logger LOG = Logger.getLogger(SettingsView.class.getName());

    @EJB
    private SettingsService settings;

    @Inject
    private ConsoleUser me;

    private SettingsForm form;
    private SettingsResult result;
    private List<String> pendingRestart = List.of();
    private String error;

    @PostConstruct
    void init() {
        try {
            form = SettingsForm.of(settings.current());
            pendingRestart = settings.pendingRestart();
        } catch (AdapterOfflineException e) {
            error = e.getMessage();
        }
    }

    public void save() {
        result = null;
        if (!me.may(ConsoleSecurity.ADMIN, "change the server settings")) {
            return;
        }
        SettingValues wanted = form.settings();
        try {
            result = settings.save(wanted);
        } catch (AdapterOfflineException e) {
            Messages.error(null, "Not saved: " + e.getMessage());
            return;
        } catch (InvalidSettingsException e) {
            FieldCheck check = new FieldCheck("settings");
            e.fieldErrors().forEach(check::problem);
            check.report();
            return;
        }
        LOG.info("console account '" + me.getName() + "' saved the settings; live: " + result.appliedLive()
                + ", after a restart: " + result.needRestart());
        pendingRestart = settings.pendingRestart();
        form = SettingsForm.of(settings.current());
        Messages.info(result.appliedLive().isEmpty() && result.needRestart().isEmpty()
                ? "Nothing changed." : "Settings saved.");
    }

    /** A field's label, for the "took effect" lists. */
    public String label(String field) {
        return SettingsSchema.find(field).map(SettingDescriptor::label).orElse(field);
    }

    /** The page's sections, each with its fields, in schema order. */
    public Map<String, List<SettingDescriptor>> getSections() {
        return SettingsSchema.editableByGroup();
    }

    /** The hint under a field: what it does, and when a change takes effect if not at once. */
    public String hint(SettingDescriptor d) {
        return d.description() + (d.applied() == SettingDescriptor.Applied.RESTART ? " (restart)" : "");
    }

    public String getError() { return error; }
    public SettingsForm getForm() { return form; }
    public SettingsResult getResult() { return result; }
    public List<String> getPendingRestart() { return pendingRestart; }
}
