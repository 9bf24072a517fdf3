package org.tributary.ejb.settings;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.tributary.api.AdapterSettings;
import org.tributary.api.SettingsOutcome;
import org.tributary.api.settings.SettingValues;
import org.tributary.ejb.adapter.AdapterClient;
import org.tributary.ejb.adapter.AdapterOfflineException;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The server settings: the run's {@code -Dtributary.*} values (as the adapter was configured) overridden by
 * the fields an administrator saved, which live in the database as rows of name and value. Saving hands the
 * settings to the running adapter, which checks every field (it is the one place settings are validated) and
 * applies what it can; then the fields that differ from the run's defaults are stored.
 */
@Stateless
public class SettingsService {

    private static final Logger LOG = Logger.getLogger(SettingsService.class.getName());

    @PersistenceContext(unitName = "tributary")
    private EntityManager em;

    @EJB
    private AdapterClient adapter;

    /** The settings in force: stored ones where saved, else the run's defaults. */
    public SettingValues current() {
        return StoredValues.over(defaults(), stored(), SettingsService::ignored);
    }

    /** The run's defaults: what the settings are when nothing is stored. */
    public SettingValues defaults() {
        return adapterSettings().configured();
    }

    /** Saved fields the running adapter does not use yet: they wait for a restart. */
    public List<String> pendingRestart() {
        AdapterSettings settings = adapterSettings();
        return StoredValues.over(settings.configured(), stored(), SettingsService::ignored)
                .differencesFrom(settings.running());
    }

    /**
     * Applies and stores.
     *
     * @param wanted any editable settings; the others keep their current value
     * @throws InvalidSettingsException with a message per bad field; nothing is applied or stored then
     */
    public SettingsResult save(SettingValues wanted) throws InvalidSettingsException {
        SettingValues defaults = defaults();
        SettingsOutcome outcome = apply(current().withAll(wanted.asMap()), false);
        if (!outcome.rejected().isEmpty()) {
            throw new InvalidSettingsException(outcome.rejected());
        }
        store(StoredValues.rows(outcome.accepted(), defaults));
        LOG.info("settings saved: in effect now " + outcome.appliedLive() + ", after a restart " + outcome.needRestart());
        return new SettingsResult(outcome.appliedLive(), outcome.needRestart());
    }

    /** Forgets every saved field: the run's defaults apply again (ports and addresses after a restart). */
    public SettingsResult reset() throws InvalidSettingsException {
        return save(defaults());
    }

    /**
     * At application start: hands the stored settings to the adapter, which may still rebind every socket.
     * A stored field the adapter refuses (a folder deleted since) is skipped with a warning rather than
     * keeping the server from starting.
     */
    public SettingsResult applyStored() {
        Map<String, String> stored = stored();
        if (stored.isEmpty()) {
            return new SettingsResult(List.of(), List.of());
        }
        SettingValues defaults = defaults();
        Map<String, String> usable = new HashMap<>(stored);
        SettingsOutcome outcome = apply(StoredValues.over(defaults, usable, SettingsService::ignored), true);
        if (!outcome.rejected().isEmpty()) {
            LOG.warning("stored settings the adapter refused (the run's defaults are used for them): "
                    + outcome.rejected());
            usable.keySet().removeAll(outcome.rejected().keySet());
            outcome = apply(StoredValues.over(defaults, usable, SettingsService::ignored), true);
        }
        return new SettingsResult(outcome.appliedLive(), outcome.needRestart());
    }

    private SettingsOutcome apply(SettingValues settings, boolean startup) {
        try {
            return adapter.applySettings(settings, startup);
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new AdapterOfflineException(e.getMessage(), e);
        }
    }

    /** Makes the stored rows exactly {@code rows}: adds, changes and removes. */
    private void store(Map<String, String> rows) {
        for (StoredSetting row : em.createQuery("select s from StoredSetting s", StoredSetting.class).getResultList()) {
            if (!rows.containsKey(row.getName())) {
                em.remove(row);
            }
        }
        rows.forEach((name, value) -> {
            StoredSetting row = em.find(StoredSetting.class, name);
            if (row == null) {
                em.persist(new StoredSetting(name, value));
            } else if (!value.equals(row.getValue())) {
                row.set(value);
            }
        });
    }

    /** The stored fields by name. */
    public Map<String, String> stored() {
        Map<String, String> out = new LinkedHashMap<>();
        for (StoredSetting s : em.createQuery("select s from StoredSetting s order by s.name", StoredSetting.class)
                .getResultList()) {
            out.put(s.getName(), s.getValue());
        }
        return out;
    }

    private AdapterSettings adapterSettings() {
        try {
            return adapter.settings();
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new AdapterOfflineException(e.getMessage(), e);
        }
    }

    private static void ignored(String field, String value) {
        LOG.warning("stored setting " + field + "='" + value + "' is not usable; the run's default is used");
    }
}
