package org.tributary.web.console.dashboard;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatusViewTest {

    @Test
    void uptimeAsClockWithDays() {
        assertEquals("00:00:07", StatusView.uptime(7));
        assertEquals("01:02:03", StatusView.uptime(3723));
        assertEquals("2d 00:00:01", StatusView.uptime(2 * 86400 + 1));
    }

    @Test
    void connectionsOpenAndTotal() {
        assertEquals("3 open, 120 since start", StatusView.connections(3, 120));
    }
}
