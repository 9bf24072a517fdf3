package org.tributary.web.api;

import org.tributary.web.api.model.ApiError;
import org.tributary.web.api.model.LiveSession;
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
 * {@code GET /api/sessions}: the RTSP sessions and MP3-over-HTTP streams (transport "HTTP") alive now
 * (viewers); {@code DELETE /api/sessions/{id}} ends one through the adapter's connection (operators and admins).
 */
@Path("sessions")
@RolesAllowed("viewer")
@Tag(name = "sessions")
@APIResponse(responseCode = "default", description = "an error: 400 a bad value, 401, 403 the role may not, 404, 409, 415, 503",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class SessionsResource {

    @EJB
    private AdapterClient adapter;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The RTSP sessions and MP3-over-HTTP streams alive now, with client, user, file, transport, "
            + "bitrate, loss")
    @APIResponse(responseCode = "200", description = "the sessions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = LiveSession.class)))
    public List<LiveSession> sessions() {
        try {
            return adapter.sessions().stream().map(LiveSession::of).toList();
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new ApiException(503, e.getMessage());
        }
    }

    /** An HLS viewing (id "HLS-...") is no connection: nothing to end. */
    static ApiException hlsNotEnded() {
        return new ApiException(409, "an HLS viewing cannot be disconnected: each request stands alone, and the"
                + " viewing ends 30 s after its last one");
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("operator")
    @Operation(summary = "End a session: streaming stops, an RTP client gets an RTCP BYE, an HTTP listener's "
            + "connection is closed (operator)")
    @APIResponse(responseCode = "204", description = "done")
    public Response end(@PathParam("id") String id) {
        if (id.startsWith("HLS-")) {
            throw hlsNotEnded();
        }
        try {
            if (!adapter.closeSession(id)) {
                throw ApiException.notFound("session '" + id + "'");
            }
            return Response.noContent().build();
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new ApiException(503, e.getMessage());
        }
    }
}
