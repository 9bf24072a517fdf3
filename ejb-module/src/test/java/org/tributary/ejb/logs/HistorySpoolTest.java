package org.tributary.ejb.logs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.api.event.AccessRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HistorySpoolTest {

    @TempDir
    Path dir;

    @Test
    void aSpooledRecordComesBackEqualUntilRemoved() throws Exception {
        HistorySpool spool = new HistorySpool(dir.resolve("spool"));
        AccessRecord first = Records.session("/a.mp4", "QTS", 10, 1, -1);
        AccessRecord second = Records.refusal("/b.mp4", 403);
        spool.put(first);
        spool.put(second);
        assertEquals(2, spool.size());
        assertEquals(first, spool.read(spool.pending().get(0)));
        spool.remove(spool.pending().get(0));
        assertEquals(1, spool.size());
        assertEquals(second, spool.read(spool.pending().get(0)));
        assertEquals(1, new HistorySpool(dir.resolve("spool")).size(), "durable: another instance sees it");
    }

    @Test
    void manyRecordsPutInOneInstantComeBackInTheOrderTheyWerePut() throws Exception {
        HistorySpool spool = new HistorySpool(dir.resolve("spool"));
        java.util.List<AccessRecord> put = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            AccessRecord record = Records.refusal("/file-" + i + ".mp4", 404);
            spool.put(record);
            put.add(record);
        }
        java.util.List<AccessRecord> read = new java.util.ArrayList<>();
        for (Path file : spool.pending()) {
            read.add(spool.read(file));
        }
        assertEquals(put, read);
    }

    @Test
    void somethingElseInTheSpoolIsNotDeserialized() throws Exception {
        Path spoolDir = dir.resolve("spool");
        Files.createDirectories(spoolDir);
        Path foreign = spoolDir.resolve("x.record");
        try (var out = new java.io.ObjectOutputStream(Files.newOutputStream(foreign))) {
            out.writeObject(new java.util.ArrayList<>(java.util.List.of("not a record")));
        }
        assertThrows(IOException.class, () -> new HistorySpool(spoolDir).read(foreign));
    }
}
