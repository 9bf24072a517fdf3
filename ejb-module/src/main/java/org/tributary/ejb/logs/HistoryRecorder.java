package org.tributary.ejb.logs;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.tributary.api.event.AccessRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores access records as history rows. When the database refuses a row, the record goes to the
 * {@link HistorySpool} and a timer retries the spool every {@code tributary.history.retry-seconds} until
 * the database is back, so no row is lost. Also deletes rows older than the retention.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HistoryRecorder {

    private static final Logger LOG = Logger.getLogger(HistoryRecorder.class.getName());

    @EJB
    private SessionHistoryStore store;

    @Resource
    private TimerService timers;

    private LogSettings settings;
    private HistorySpool spool;
    private volatile boolean databaseDown;
    private final Object replayLock = new Object();

    @PostConstruct
    void start() {
        settings = LogSettings.fromSystemProperties();
        spool = new HistorySpool(settings.spoolDir());
        long every = settings.retrySeconds() * 1000L;
        timers.createIntervalTimer(every, every, new TimerConfig("history spool replay", false));
    }

    public void record(AccessRecord record) {
        try {
            store.store(record);
            if (databaseDown) {
                replay(); // the database is back: catch up at once
            }
        } catch (RuntimeException e) {
            spoolIt(record, e);
        }
    }

    private void spoolIt(AccessRecord record, RuntimeException cause) {
        if (!databaseDown) {
            databaseDown = true;
            LOG.log(Level.WARNING, "the database refused a session history row; rows are kept in " + spool.dir()
                    + " until it is back: " + rootMessage(cause));
        }
        try {
            spool.put(record);
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot spool the history row " + record + " (its access-log line is written)", e);
        }
    }

    /** Stores every spooled row the database takes now; returns how many are left. */
    @Timeout
    public int replay() {
        synchronized (replayLock) {
            try {
                int stored = 0;
                for (Path file : spool.pending()) {
                    AccessRecord record = spool.read(file);
                    try {
                        store.store(record);
                    } catch (RuntimeException e) {
                        LOG.fine("the database still refuses history rows: " + rootMessage(e));
                        return spool.size();
                    }
                    spool.remove(file);
                    stored++;
                }
                if (stored > 0 || databaseDown) {
                    LOG.info("the database is back: stored " + stored + " spooled session history rows");
                }
                databaseDown = false;
                return 0;
            } catch (IOException e) {
                LOG.log(Level.SEVERE, "cannot read the history spool " + spool.dir(), e);
                return -1;
            }
        }
    }

    public int spooled() {
        try {
            return spool.size();
        } catch (IOException e) {
            return -1;
        }
    }

    @Schedule(hour = "*", minute = "30", persistent = false)
    void applyRetention() {
        if (settings.retentionDays() <= 0) {
            return;
        }
        try {
            int deleted = store.deleteEndedBefore(Instant.now().minus(Duration.ofDays(settings.retentionDays())));
            if (deleted > 0) {
                LOG.info("deleted " + deleted + " session history rows older than " + settings.retentionDays() + " days");
            }
        } catch (RuntimeException e) {
            LOG.warning("cannot apply the history retention now: " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
