package org.tributary.ejb.relays;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.tributary.ejb.adapter.StartupRetry;

import java.util.logging.Logger;

/**
 * When the application starts, after the stored settings are applied (ports, media folder), hands every enabled
 * relay to the adapter: it forgets its relays at a restart, and the database is the source of truth. When the
 * adapter cannot be reached yet it tries again every
 * {@link StartupRetry#RETRY_SECONDS} s, {@link StartupRetry#ATTEMPTS} times in all. A
 * relay the adapter refuses goes to the server log at WARNING. No transaction here: each attempt is the
 * service's own, so a failed one does not take the retry timer with it.
 */
@Singleton
@Startup
@DependsOn("SettingsAtStartup")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RelaysAtStartup {

    private static final Logger LOG = Logger.getLogger(RelaysAtStartup.class.getName());

    @EJB
    private RelayService relays;

    @Resource
    private TimerService timers;

    private final StartupRetry retry = new StartupRetry(LOG,
            "relays handed to the adapter at startup", "enabled relays not handed to the adapter");

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void runStoredRelays() {
        retry.attempt(relays::runEnabled, timers);
    }

    @Timeout
    void retry() {
        retry.attempt(relays::runEnabled, timers);
    }
}
