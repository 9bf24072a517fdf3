package org.tributary.ejb.settings;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.tributary.api.AdapterSettings;
import org.tributary.api.SettingsOutcome;
import org.tributary.ejb.adapter.AdapterClient;
import org.tributary.ejb.adapter.AdapterOfflineException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The server settings: the run's {@code -Dtributary.*} values (as the adapter was configured) overridden by
 * the fields an administrator saved, which live in the database. Saving validates every field, hands the
 * settings to the running adapter and stores the fields that differ from the run's defaults.
 */
@Stateless
public class SettingsService {

    private static final Logger LOG = Logger.getLogger(SettingsService.class.getName());

    @PersistenceContext(unitName = "tributary")
    private EntityManager em;

    @EJB
    private AdapterClient adapter;

    private final SettingsValidator validator = new SettingsValidator(new SocketProbe());

    /** The settings in force: stored ones where saved, else the run's defaults. */
    public ServerSettings current() {
        return ServerSettings.of(adapterSettings().configured()).overriddenBy(stored(), SettingsService::ignored);
    }

    /** The run's defaults: what the settings are when nothing is stored. */
    public ServerSettings defaults() {
        return ServerSettings.of(adapterSettings().configured());
    }

    /** Saved fields the running adapter does not use yet: they wait for a restart. */
    public List<String> pendingRestart() {
        AdapterSettings settings = adapterSettings();
        ServerSettings wanted = ServerSettings.of(settings.configured()).overriddenBy(stored(), SettingsService::ignored);
        return wanted.differencesFrom(ServerSettings.of(settings.running()));
    }

    /**
     * Validates, applies and stores.
     *
     * @throws InvalidSettingsException with a message per bad field; nothing is applied or stored then
     */
    public SettingsResult save(ServerSettings wanted) throws InvalidSettingsException {
        AdapterSettings settings = adapterSettings();
        Map<String, String> errors = validator.validate(wanted, ServerSettings.of(settings.running()));
        if (!errors.isEmpty()) {
            throw new InvalidSettingsException(errors);
        }
        ServerSettings clean = normalized(wanted);
        SettingsOutcome outcome = apply(clean, false);
        if (!outcome.rejected().isEmpty()) {
            throw new InvalidSettingsException(outcome.rejected());
        }
        store(clean, ServerSettings.of(settings.configured()));
        LOG.info("settings saved: in effect now " + outcome.appliedLive() + ", after a restart " + outcome.needRestart());
        return new SettingsResult(outcome.appliedLive(), outcome.needRestart());
    }

    /** Forgets every saved field: the run's defaults apply again (ports and addresses after a restart). */
    public SettingsResult reset() throws InvalidSettingsException {
        return save(defaults());
    }

    /**
     * At application start: hands the stored settings to the adapter, which may still rebind every socket.
     * A stored field that is no longer valid (a folder deleted since) is skipped with a warning rather than
     * keeping the server from starting.
     */
    public SettingsResult applyStored() {
        Map<String, String> stored = stored();
        if (stored.isEmpty()) {
            return new SettingsResult(List.of(), List.of());
        }
        AdapterSettings settings = adapterSettings();
        ServerSettings defaults = ServerSettings.of(settings.configured());
        Map<String, String> usable = new HashMap<>(stored);
        Map<String, String> errors = validator.validate(defaults.overriddenBy(usable, SettingsService::ignored),
                ServerSettings.of(settings.running()));
        if (!errors.isEmpty()) {
            LOG.warning("stored settings skipped (the run's defaults are used for them): " + errors);
            usable.keySet().removeAll(errors.keySet());
        }
        SettingsOutcome outcome = apply(normalized(defaults.overriddenBy(usable, SettingsService::ignored)), true);
        if (!outcome.rejected().isEmpty()) {
            LOG.warning("stored settings the adapter refused (the run's defaults are used for them): "
                    + outcome.rejected());
            usable.keySet().removeAll(outcome.rejected().keySet());
            outcome = apply(normalized(defaults.overriddenBy(usable, SettingsService::ignored)), true);
        }
        return new SettingsResult(outcome.appliedLive(), outcome.needRestart());
    }

    private SettingsOutcome apply(ServerSettings settings, boolean startup) {
        try {
            return adapter.applySettings(settings.toRuntime(), startup);
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new AdapterOfflineException(e.getMessage(), e);
        }
    }

    /** Trimmed, schemes spelled one way, the media folder as an absolute normalized path. */
    static ServerSettings normalized(ServerSettings s) {
        return new ServerSettings(s.rtspBindAddress().trim(), s.rtspPort(), s.rtpPort(), s.httpTunnelPort(),
                Path.of(s.mediaRoot().trim()).toAbsolutePath().normalize().toString(), s.maxConnections(),
                s.maxSessions(), s.maxBandwidthKbps(), s.sessionTimeoutSeconds(),
                SettingsValidator.normalizeSchemes(s.authSchemes()), s.accessCacheSeconds(), s.mp3MaxStreams(),
                s.mp3BurstSeconds(), s.mp3IcyMetaint(), s.mp3StallSeconds());
    }

    /** Stores the fields that differ from the run's defaults and removes the rows of those that do not. */
    private void store(ServerSettings wanted, ServerSettings defaults) {
        Map<String, String> values = wanted.asText();
        Map<String, String> base = defaults.asText();
        for (String field : ServerSettings.FIELDS) {
            StoredSetting row = em.find(StoredSetting.class, field);
            String value = values.get(field);
            if (value.equals(base.get(field))) {
                if (row != null) {
                    em.remove(row);
                }
            } else if (row == null) {
                em.persist(new StoredSetting(field, value));
            } else if (!value.equals(row.getValue())) {
                row.set(value);
            }
        }
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
        LOG.warning("stored setting " + field + "='" + value + "' is not a number; the run's default is used");
    }
}
