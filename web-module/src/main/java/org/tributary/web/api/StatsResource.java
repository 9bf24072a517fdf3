package org.tributary.web.api;

import org.tributary.web.api.model.ApiError;
import org.tributary.web.api.model.StatsBody;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tributary.ejb.stats.StatsService;

import java.util.List;

/**
 * {@code GET /api/stats}: the newest statistics sample (every 5 s); {@code GET /api/stats/history}: the
 * samples of the last hour, oldest first, for charts. Viewers and up.
 */
@Path("stats")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
@Tag(name = "statistics", description = "Sessions, bandwidth, packets, CPU, transports and top files, sampled every 5 s")
@APIResponse(responseCode = "default", description = "an error: 400 a bad value, 401, 403 the role may not, 404, 409, 415, 503",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class StatsResource {

    @EJB
    private StatsService stats;

    @GET
    @Operation(summary = "The newest sample")
    @APIResponse(responseCode = "200", description = "the newest sample",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatsBody.class)))
    public StatsBody latest() {
        return StatsBody.of(stats.latest());
    }

    @GET
    @Path("history")
    @Operation(summary = "The samples of the last hour, oldest first")
    @APIResponse(responseCode = "200", description = "the samples, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = StatsBody.class)))
    public List<StatsBody> history() {
        return stats.lastHour().stream().map(StatsBody::of).toList();
    }
}
