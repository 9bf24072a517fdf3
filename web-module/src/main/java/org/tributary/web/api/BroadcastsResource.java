package org.tributary.web.api;

import org.tributary.web.api.model.ApiError;
import org.tributary.web.api.model.Broadcast;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.tributary.ejb.adapter.AdapterClient;

import java.util.List;

/**
 * {@code /api/live/broadcasts}: the live broadcasts, one per publisher (ANNOUNCE/RECORD), with the rate coming
 * in and the viewers (viewers); {@code DELETE /api/live/broadcasts/{id}} ends one and its viewers (operators).
 */
@Path("live/broadcasts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
@Tag(name = "live")
@APIResponse(responseCode = "default", description = "an error: 400 a bad value, 401, 403 the role may not, 404, 409, 415, 503",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class BroadcastsResource {

    @EJB
    private AdapterClient adapter;

    @GET
    @Operation(summary = "The live broadcasts: path, publisher, codecs, transport, state, rate in, viewers")
    @APIResponse(responseCode = "200", description = "the broadcasts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Broadcast.class)))
    public List<Broadcast> list() {
        try {
            return adapter.broadcasts().stream().map(Broadcast::of).toList();
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new ApiException(503, e.getMessage());
        }
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("operator")
    @Operation(summary = "End a broadcast: the publisher's session ends and its viewers get RTCP BYE (operator)")
    @APIResponse(responseCode = "204", description = "done")
    public Response end(@PathParam("id") String id) {
        try {
            boolean found = adapter.broadcasts().stream().anyMatch(b -> b.id().equals(id));
            if (!found || !adapter.closeSession(id)) {
                throw ApiException.notFound("broadcast '" + id + "'");
            }
            return Response.noContent().build();
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new ApiException(503, e.getMessage());
        }
    }
}
