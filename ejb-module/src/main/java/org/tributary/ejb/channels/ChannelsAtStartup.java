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
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import org.tributary.ejb.adapter.AdapterOfflineException;

import java.util.List;
import java.util.logging.Logger;

/**
 * When the application starts, after the stored settings are applied (ports, media folder), starts the
 * channels stored as running: the adapter forgets its channels at a restart. When the adapter cannot be
 * reached yet it tries again every {@link #RETRY_SECONDS} s, {@link #ATTEMPTS} times in all. A channel the
 * adapter refuses stays marked running; its problems go to the server log at WARNING (and to the console).
 * No transaction here: each attempt is the service's own, so a failed one does not take the retry timer with it.
 */
@Singleton
@Startup
@DependsOn("SettingsAtStartup")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChannelsAtStartup {

    private static final Logger LOG = Logger.getLogger(ChannelsAtStartup.class.getName());
    static final int RETRY_SECONDS = 10;
    static final int ATTEMPTS = 30;

    @EJB
    private ChannelService channels;

    @Resource
    private TimerService timers;

    private int attempts;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void startStoredChannels() {
        attempt();
    }

    @Timeout
    void retry() {
        attempt();
    }

    private void attempt() {
        attempts++;
        try {
            List<String> started = channels.startStoredAsRunning();
            if (!started.isEmpty()) {
                LOG.info("channels started at startup: " + String.join(", ", started));
            }
        } catch (AdapterOfflineException e) {
            if (attempts < ATTEMPTS) {
                LOG.warning("channels stored as running not started yet (attempt " + attempts + " of " + ATTEMPTS
                        + ", again in " + RETRY_SECONDS + " s): " + e.getMessage());
                timers.createSingleActionTimer(RETRY_SECONDS * 1000L, new TimerConfig(null, false));
            } else {
                LOG.warning("channels stored as running not started: the adapter was not reachable after "
                        + ATTEMPTS + " attempts: " + e.getMessage());
            }
        }
    }
}
