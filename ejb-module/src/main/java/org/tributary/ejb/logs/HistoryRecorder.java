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

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Stores access records as history rows ({@link HistoryRows}). When the database is down, records go to the
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
    private HistoryRows rows;

    @PostConstruct
    void start() {
        settings = LogSettings.fromSystemProperties();
        rows = new HistoryRows(store::storeAll, store::answers, new HistorySpool(settings.spoolDir()));
        long every = settings.retrySeconds() * 1000L;
        timers.createIntervalTimer(every, every, new TimerConfig("history spool replay", false));
    }

    public void record(AccessRecord record) {
        rows.record(java.util.List.of(record));
    }

    /** Stores the records in one transaction (one by one if the database refuses the batch). */
    public void record(java.util.List<AccessRecord> records) {
        rows.record(records);
    }

    /** Stores every spooled row the database takes now; returns how many are left. */
    @Timeout
    public int replay() {
        return rows.replay();
    }

    public int spooled() {
        return rows.spooled();
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
            LOG.warning("cannot apply the history retention now: " + HistoryRows.rootMessage(e));
        }
    }
}
