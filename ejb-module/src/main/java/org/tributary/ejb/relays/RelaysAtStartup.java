package org.tributary.ejb.relays;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.tributary.ejb.adapter.AdapterOfflineException;

import java.util.List;
import java.util.logging.Logger;

/**
 * When the application starts, after the stored settings are applied (ports, media folder), hands every enabled
 * relay to the adapter: it forgets its relays at a restart, and the database is the source of truth. When the
 * adapter cannot be reached yet it tries again every {@link #RETRY_SECONDS} s, {@link #ATTEMPTS} times in all. A
 * relay the adapter refuses goes to the server log at WARNING. No transaction here: each attempt is the
 * service's own, so a failed one does not take the retry timer with it.
 */
@Singleton
@Startup
@DependsOn("SettingsAtStartup")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RelaysAtStartup {

    private static final Logger LOG = Logger.getLogger(RelaysAtStartup.class.getName());
    static final int RETRY_SECONDS = 10;
    static final int ATTEMPTS = 30;

    @EJB
    private RelayService relays;

    @Resource
    private TimerService timers;

    private int attempts;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void runStoredRelays() {
        attempt();
    }

    @Timeout
    void retry() {
        attempt();
    }

    private void attempt() {
        attempts++;
        try {
            List<String> handed = relays.runEnabled();
            if (!handed.isEmpty()) {
                LOG.info("relays handed to the adapter at startup: " + String.join(", ", handed));
            }
        } catch (AdapterOfflineException e) {
            if (attempts < ATTEMPTS) {
                LOG.warning("enabled relays not handed to the adapter yet (attempt " + attempts + " of " + ATTEMPTS
                        + ", again in " + RETRY_SECONDS + " s): " + e.getMessage());
                timers.createSingleActionTimer(RETRY_SECONDS * 1000L, new TimerConfig(null, false));
            } else {
                LOG.warning("enabled relays not handed to the adapter: it was not reachable after " + ATTEMPTS
                        + " attempts: " + e.getMessage());
            }
        }
    }
}
