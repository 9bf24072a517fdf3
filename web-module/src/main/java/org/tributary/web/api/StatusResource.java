package org.tributary.web.api;

import org.tributary.web.api.model.ApiError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.tributary.api.AdapterStatus;
import org.tributary.ejb.adapter.AdapterClient;
import org.tributary.web.api.model.ServerStatus;

import java.time.Instant;

/** {@code GET /api/status}: the adapter's live status; public (ports, uptime and counts, nothing about who). */
@Path("status")
@PermitAll
@Tag(name = "status")
@APIResponse(responseCode = "default", description = "an error: 400 a bad value, 401, 403 the role may not, 404, 409, 415, 503",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class StatusResource {

    @EJB
    private AdapterClient adapter;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The server's status: version, RTSP address and port, uptime, counts (public)")
    @APIResponse(responseCode = "200", description = "the status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServerStatus.class)))
    public ServerStatus status() {
        AdapterStatus status;
        try {
            status = adapter.status();
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new ApiException(503, e.getMessage());
        }
        return ServerStatus.of(status, Instant.now());
    }
}
