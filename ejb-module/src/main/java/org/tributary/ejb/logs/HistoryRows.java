package org.tributary.ejb.logs;

import org.tributary.api.event.AccessRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores history rows, keeping what the database does not take. A row refused while the database does not
 * answer goes to the {@link HistorySpool} and is retried, in order, once the database is back. A row refused
 * while the database answers (a value it will never take) is refused for itself: retrying it would hold every
 * later row behind it forever, so it is logged once with the reason and moved to the spool's rejected folder,
 * where it stays for an operator to look at. Rows come in batches stored in one transaction; a batch the
 * database refuses while it answers is stored again row by row, so one bad row costs only itself.
 */
final class HistoryRows {

    private static final Logger LOG = Logger.getLogger(HistoryRows.class.getName());

    private final Consumer<List<AccessRecord>> store;
    private final BooleanSupplier databaseAnswers;
    private final HistorySpool spool;
    private volatile boolean databaseDown;
    private final Object replayLock = new Object();

    /**
     * @param store           stores rows in one transaction; throws if the database refuses any of them
     * @param databaseAnswers whether the database answers a trivial query now
     */
    HistoryRows(Consumer<List<AccessRecord>> store, BooleanSupplier databaseAnswers, HistorySpool spool) {
        this.store = store;
        this.databaseAnswers = databaseAnswers;
        this.spool = spool;
    }

    void record(AccessRecord record) {
        record(List.of(record));
    }

    void record(List<AccessRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        try {
            store.accept(records);
        } catch (RuntimeException e) {
            if (!databaseAnswers()) {
                records.forEach(record -> spoolIt(record, e));
            } else if (records.size() == 1) {
                reject(records.get(0), e);
            } else {
                records.forEach(this::record); // find the row the database refuses
            }
            return;
        }
        if (databaseDown) {
            replay(); // the database is back: catch up at once
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

    private void reject(AccessRecord record, RuntimeException cause) {
        try {
            Path kept = spool.putRejected(record);
            LOG.severe("the database refuses this session history row itself (" + rootMessage(cause) + "); kept in "
                    + kept + ", not retried: " + record);
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "the database refuses the history row " + record + " (" + rootMessage(cause)
                    + ") and it cannot be kept aside (its access-log line is written)", e);
        }
    }

    /** Stores every spooled row the database takes now; returns how many are left (-1: the spool is unreadable). */
    int replay() {
        synchronized (replayLock) {
            try {
                int stored = 0;
                int rejected = 0;
                for (Path file : spool.pending()) {
                    AccessRecord record = spool.read(file);
                    try {
                        store.accept(List.of(record));
                        stored++;
                    } catch (RuntimeException e) {
                        if (!databaseAnswers()) {
                            LOG.fine("the database still refuses history rows: " + rootMessage(e));
                            return spool.size();
                        }
                        reject(record, e);
                        rejected++;
                    }
                    spool.remove(file);
                }
                if (stored > 0 || rejected > 0 || databaseDown) {
                    LOG.info("the database is back: stored " + stored + " spooled session history rows"
                            + (rejected > 0 ? ", " + rejected + " refused for themselves (kept in "
                            + spool.rejectedDir() + ")" : ""));
                }
                databaseDown = false;
                return 0;
            } catch (IOException e) {
                LOG.log(Level.SEVERE, "cannot read the history spool " + spool.dir(), e);
                return -1;
            }
        }
    }

    private boolean databaseAnswers() {
        try {
            return databaseAnswers.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    int spooled() {
        try {
            return spool.size();
        } catch (IOException e) {
            return -1;
        }
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
