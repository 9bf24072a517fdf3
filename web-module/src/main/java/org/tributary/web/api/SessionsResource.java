package org.tributary.web.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.tributary.api.SessionInfo;
import org.tributary.ejb.adapter.AdapterClient;

/**
 * {@code GET /api/sessions}: the RTSP sessions and MP3-over-HTTP streams (transport "HTTP") alive now
 * (viewers); {@code DELETE /api/sessions/{id}} ends one through the adapter's connection (operators and admins).
 */
@Path("sessions")
@RolesAllowed("viewer")
@Tag(name = "sessions")
public class SessionsResource {

    @EJB
    private AdapterClient adapter;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The RTSP sessions and MP3-over-HTTP streams alive now, with client, user, file, transport, "
            + "bitrate, loss")
    public JsonArray sessions() {
        try {
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (SessionInfo s : adapter.sessions()) {
                list.add(Json.createObjectBuilder()
                        .add("id", s.id())
                        .add("clientAddress", s.clientAddress())
                        .add("path", s.path())
                        .add("transport", s.transport())
                        .add("state", s.state())
                        .add("userAgent", s.userAgent() == null ? "" : s.userAgent())
                        .add("startedAt", s.startedAt().toString())
                        .add("bytesSent", s.bytesSent())
                        .add("packetsSent", s.packetsSent())
                        .add("packetsLost", s.packetsLost())
                        .add("jitterMillis", s.jitterMillis())
                        .add("receiverReports", s.receiverReports())
                        .add("userName", s.userName() == null ? JsonValue.NULL : Json.createValue(s.userName()))
                        .add("bitsPerSecond", s.bitsPerSecond())
                        .add("rtxRequested", s.rtxRequested())
                        .add("rtxSent", s.rtxSent())
                        .add("rtxTooLate", s.rtxTooLate())
                        .add("thinnedFrames", s.thinnedFrames())
                        .add("thinningChanges", s.thinningChanges()));
            }
            return list.build();
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new ApiException(503, e.getMessage());
        }
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("operator")
    @Operation(summary = "End a session: streaming stops, an RTP client gets an RTCP BYE, an HTTP listener's "
            + "connection is closed (operator)")
    public Response end(@PathParam("id") String id) {
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
