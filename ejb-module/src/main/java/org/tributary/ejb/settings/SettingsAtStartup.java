package org.tributary.ejb.settings;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import org.tributary.ejb.adapter.AdapterOfflineException;

import java.util.logging.Logger;

/**
 * When the application starts, gives the adapter the settings an administrator saved, so that the ones
 * that need a restart (ports, bind address) take effect now, before clients arrive.
 */
@Singleton
@Startup
public class SettingsAtStartup {

    private static final Logger LOG = Logger.getLogger(SettingsAtStartup.class.getName());

    @EJB
    private SettingsService settings;

    @PostConstruct
    void applyStoredSettings() {
        try {
            SettingsResult result = settings.applyStored();
            if (!result.appliedLive().isEmpty()) {
                LOG.info("stored settings applied at startup: " + result.appliedLive());
            }
        } catch (AdapterOfflineException e) {
            LOG.warning("stored settings not applied: " + e.getMessage());
        }
    }
}
