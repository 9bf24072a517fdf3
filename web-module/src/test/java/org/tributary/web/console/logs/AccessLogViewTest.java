package org.tributary.web.console.logs;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AccessLogViewTest {

    @Test
    void aDateFilterCoversTheWholeDay() {
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), AccessLogView.instant("2026-03-01", false));
        assertEquals(Instant.parse("2026-03-02T00:00:00Z"), AccessLogView.instant("2026-03-01", true));
        assertEquals(Instant.parse("2026-03-01T10:15:00Z"), AccessLogView.instant(" 2026-03-01T10:15:00Z ", true));
        assertNull(AccessLogView.instant("  ", false));
        assertThrows(DateTimeParseException.class, () -> AccessLogView.instant("yesterday", false));
    }
}
