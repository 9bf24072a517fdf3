package org.tributary.web.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.tributary.api.AdapterStatus;
import org.tributary.ejb.adapter.AdapterClient;

import java.time.Instant;

/** {@code GET /api/status}: the adapter's live status; public (ports, uptime and counts, nothing about who). */
@Path("status")
@PermitAll
@Tag(name = "status")
public class StatusResource {

    @EJB
    private AdapterClient adapter;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The server's status: version, RTSP address and port, uptime, counts (public)")
    public JsonObject status() {
        AdapterStatus status;
        try {
            status = adapter.status();
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new ApiException(503, e.getMessage());
        }
        return Json.createObjectBuilder()
                .add("version", status.version())
                .add("rtspBindAddress", status.rtspBindAddress())
                .add("rtspPort", status.rtspPort())
                .add("startedAt", status.startedAt().toString())
                .add("uptimeSeconds", status.uptimeSeconds(Instant.now()))
                .add("openConnections", status.openConnections())
                .add("totalConnections", status.totalConnections())
                .add("activeSessions", status.activeSessions())
                .add("requestsHandled", status.requestsHandled())
                .add("mediaRoot", status.mediaRoot())
                .build();
    }
}
