package org.tributary.live.local;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A broadcaster's output reaches the log line by line, prefixed with its name, overlong lines cut. */
class OutputPumpTest {

    @Test
    void everyNonBlankLineIsLoggedWithTheBroadcastersName() {
        String longLine = "x".repeat(OutputPump.MAX_LINE + 10);
        byte[] output = ("frame=  25 fps=25\r\n\nConnection refused\n" + longLine).getBytes(StandardCharsets.UTF_8);
        List<String> logged = new ArrayList<>();
        new OutputPump("pattern", new ByteArrayInputStream(output), logged::add).run();
        assertEquals(List.of("broadcaster pattern: frame=  25 fps=25", "broadcaster pattern: Connection refused",
                "broadcaster pattern: " + "x".repeat(OutputPump.MAX_LINE) + "…"), logged);
    }
}
