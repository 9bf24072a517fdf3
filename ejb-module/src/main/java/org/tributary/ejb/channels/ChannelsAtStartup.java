package org.tributary.ejb.channels;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.TimerService;
import org.tributary.ejb.adapter.StartupRetry;

import java.util.logging.Logger;

/**
 * When the application starts, after the stored settings are applied (ports, media folder), starts the
 * channels stored as running: the adapter forgets its channels at a restart. When the adapter cannot be
 * reached yet it tries again every
 * {@link StartupRetry#RETRY_SECONDS} s, {@link StartupRetry#ATTEMPTS} times in all. A channel the
 * adapter refuses stays marked running; its problems go to the server log at WARNING (and to the console).
 * No transaction here: each attempt is the service's own, so a failed one does not take the retry timer with it.
 */
@Singleton
@Startup
@DependsOn("SettingsAtStartup")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChannelsAtStartup {

    private static final Logger LOG = Logger.getLogger(ChannelsAtStartup.class.getName());

    @EJB
    private ChannelService channels;

    @Resource
    private TimerService timers;

    private final StartupRetry retry = new StartupRetry(LOG,
            "channels started at startup", "channels stored as running not started");

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void startStoredChannels() {
        retry.attempt(channels::startStoredAsRunning, timers);
    }

    @Timeout
    void retry() {
        retry.attempt(channels::startStoredAsRunning, timers);
    }
}
