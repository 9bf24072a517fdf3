package org.tributary.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tributary.ejb.stats.FileCount;
import org.tributary.ejb.stats.StatsSample;
import org.tributary.ejb.stats.StatsService;

/**
 * {@code GET /api/stats}: the newest statistics sample (every 5 s); {@code GET /api/stats/history}: the
 * samples of the last hour, oldest first, for charts. Viewers and up.
 */
@Path("stats")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
@Tag(name = "statistics", description = "Sessions, bandwidth, packets, CPU, transports and top files, sampled every 5 s")
public class StatsResource {

    @EJB
    private StatsService stats;

    @GET
    @Operation(summary = "The newest sample")
    @APIResponse(responseCode = "200", description = "time, sessions, connections, bitsPerSecond, packetsPerSecond, "
            + "processCpuLoad (0..1), sessionsByTransport, topFiles")
    @APIResponse(responseCode = "503", description = "the streaming adapter is not available")
    public JsonObject latest() {
        return json(stats.latest());
    }

    @GET
    @Path("history")
    @Operation(summary = "The samples of the last hour, oldest first")
    public JsonArray history() {
        JsonArrayBuilder out = Json.createArrayBuilder();
        stats.lastHour().forEach(s -> out.add(json(s)));
        return out.build();
    }

    static JsonObject json(StatsSample s) {
        JsonObjectBuilder transports = Json.createObjectBuilder();
        s.sessionsByTransport().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> transports.add(e.getKey(), e.getValue()));
        JsonArrayBuilder top = Json.createArrayBuilder();
        for (FileCount f : s.topFiles()) {
            top.add(Json.createObjectBuilder().add("path", f.path()).add("sessions", f.sessions()));
        }
        return Json.createObjectBuilder()
                .add("time", s.time().toString())
                .add("sessions", s.sessions())
                .add("connections", s.connections())
                .add("bitsPerSecond", s.bitsPerSecond())
                .add("packetsPerSecond", s.packetsPerSecond())
                .add("processCpuLoad", s.processCpuLoad())
                .add("sessionsByTransport", transports)
                .add("topFiles", top)
                .build();
    }
}
