package org.tributary.ejb.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.tributary.api.event.AccessRecord;

class SessionHistoryCountTest {

    @Test
    void aRowCountsTheRefusalsFoldedIntoIt() {
        AccessRecord one = Records.refusal("/movies/x.mp4", 404);
        assertEquals(1, SessionHistory.of(one).getCount());
        AccessRecord flood = one.folding("e0f0c0de-0000-0000-0000-000000000001", 1997, Instant.EPOCH, "/movies/*",
                "1997 more like this");
        SessionHistory row = SessionHistory.of(flood);
        assertEquals(1997, row.getCount());
        assertEquals("/movies/*", row.getPath());
        assertEquals(Instant.EPOCH, row.getStartedAt());
    }
}
