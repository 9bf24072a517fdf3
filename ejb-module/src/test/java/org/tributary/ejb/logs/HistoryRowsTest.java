package org.tributary.ejb.logs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.api.event.AccessRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rows go to the table, to the spool while the database is down, and aside when the database refuses them. */
class HistoryRowsTest {

    @TempDir
    Path dir;

    private final List<String> stored = new ArrayList<>();
    private final Set<String> refusedRows = new HashSet<>();
    private boolean up = true;

    private int transactions;

    /** One transaction: every row or none. */
    private void store(List<AccessRecord> records) {
        transactions++;
        if (!up) {
            throw new IllegalStateException("connection refused");
        }
        for (AccessRecord record : records) {
            if (refusedRows.contains(record.uriStem())) {
                throw new IllegalArgumentException("value too long for column");
            }
        }
        records.forEach(record -> stored.add(record.uriStem()));
    }

    @Test
    void aBatchIsOneTransactionAndABadRowInItCostsOnlyItself() throws Exception {
        HistorySpool spool = new HistorySpool(dir.resolve("spool"));
        HistoryRows rows = rows(spool);
        rows.record(List.of(Records.refusal("/a.mp4", 404), Records.refusal("/b.mp4", 404)));
        assertEquals(1, transactions);
        assertEquals(List.of("/a.mp4", "/b.mp4"), stored);

        refusedRows.add("/bad.mp4");
        rows.record(List.of(Records.refusal("/c.mp4", 404), Records.refusal("/bad.mp4", 404),
                Records.refusal("/d.mp4", 404)));
        assertEquals(List.of("/a.mp4", "/b.mp4", "/c.mp4", "/d.mp4"), stored, "the good rows of the batch are stored");
        assertEquals(1, filesIn(spool.rejectedDir()), "the bad row is kept aside");
        assertEquals(0, spool.size());
    }

    @Test
    void aBatchRefusedWhileTheDatabaseIsDownGoesToTheSpoolWhole() throws Exception {
        HistorySpool spool = new HistorySpool(dir.resolve("spool"));
        HistoryRows rows = rows(spool);
        up = false;
        rows.record(List.of(Records.refusal("/a.mp4", 404), Records.refusal("/b.mp4", 404)));
        assertEquals(1, transactions, "no row-by-row retries against a database that is down");
        assertEquals(2, spool.size());
        up = true;
        rows.replay();
        assertEquals(List.of("/a.mp4", "/b.mp4"), stored);
    }

    private HistoryRows rows(HistorySpool spool) {
        return new HistoryRows(this::store, () -> {
            if (!up) {
                throw new IllegalStateException("connection refused");
            }
            return true;
        }, spool);
    }

    private static long filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    void rowsWaitInTheSpoolWhileTheDatabaseIsDownAndAreStoredInOrderWhenItIsBack() {
        HistorySpool spool = new HistorySpool(dir.resolve("spool"));
        HistoryRows rows = rows(spool);
        rows.record(Records.refusal("/a.mp4", 404));
        up = false;
        rows.record(Records.refusal("/b.mp4", 404));
        rows.record(Records.refusal("/c.mp4", 404));
        assertEquals(2, rows.spooled());
        assertEquals(2, rows.replay(), "still down: both wait");
        up = true;
        rows.record(Records.refusal("/d.mp4", 404));
        assertEquals(List.of("/a.mp4", "/d.mp4", "/b.mp4", "/c.mp4"), stored, "the first row after the outage catches up");
        assertEquals(0, rows.spooled());
    }

    @Test
    void aRowTheDatabaseRefusesWhileUpIsKeptAsideAndHoldsNothingBack() throws Exception {
        HistorySpool spool = new HistorySpool(dir.resolve("spool"));
        HistoryRows rows = rows(spool);
        refusedRows.add("/bad.mp4");
        rows.record(Records.refusal("/bad.mp4", 404));
        assertEquals(0, rows.spooled(), "not in the spool: it would be retried forever");
        assertEquals(1, filesIn(spool.rejectedDir()));
        try (Stream<Path> files = Files.list(spool.rejectedDir())) {
            assertEquals("/bad.mp4", spool.read(files.findFirst().orElseThrow()).uriStem(), "kept whole for an operator");
        }
        rows.record(Records.refusal("/good.mp4", 404));
        assertEquals(List.of("/good.mp4"), stored);
    }

    @Test
    void aSpooledRowTheDatabaseRefusesWhenBackIsSetAsideAndTheRowsAfterItAreStored() throws Exception {
        HistorySpool spool = new HistorySpool(dir.resolve("spool"));
        HistoryRows rows = rows(spool);
        up = false;
        rows.record(Records.refusal("/bad.mp4", 404));
        rows.record(Records.refusal("/after.mp4", 404));
        assertEquals(2, rows.spooled());
        up = true;
        refusedRows.add("/bad.mp4");
        assertEquals(0, rows.replay());
        assertEquals(List.of("/after.mp4"), stored);
        assertEquals(1, filesIn(spool.rejectedDir()));
        assertEquals(0, rows.replay(), "nothing left to retry");
        assertEquals(List.of("/after.mp4"), stored);
    }
}
