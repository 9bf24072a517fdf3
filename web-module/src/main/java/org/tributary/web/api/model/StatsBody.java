package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tributary.ejb.stats.StatsSample;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A statistics sample ({@code /api/stats}, and each element of {@code /api/stats/history}). */
@Schema(name = "StatsSample", description = "A statistics sample, taken every 5 s")
@JsonbPropertyOrder({
        "time", "sessions", "connections", "bitsPerSecond", "packetsPerSecond", "processCpuLoad",
        "sessionsByTransport", "topFiles"})
public record StatsBody(
        @Schema(required = true, format = "date-time") String time,
        @Schema(required = true) int sessions,
        @Schema(required = true) int connections,
        @Schema(required = true, description = "outgoing bits per second since the previous sample") long bitsPerSecond,
        @Schema(required = true) long packetsPerSecond,
        @Schema(required = true, description = "the server process's share of the machine, 0 to 1") double processCpuLoad,
        @Schema(required = true, description = "sessions by transport (tcp, udp, HTTP, ...)") Map<String, Integer> sessionsByTransport,
        @Schema(required = true) List<FileSessions> topFiles) {

    public static StatsBody of(StatsSample s) {
        return new StatsBody(s.time().toString(), s.sessions(), s.connections(), s.bitsPerSecond(),
                s.packetsPerSecond(), s.processCpuLoad(), new TreeMap<>(s.sessionsByTransport()),
                s.topFiles().stream().map(f -> new FileSessions(f.path(), f.sessions())).toList());
    }
}
