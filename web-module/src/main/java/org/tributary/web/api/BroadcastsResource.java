package org.tributary.web.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.tributary.api.BroadcastInfo;
import org.tributary.ejb.adapter.AdapterClient;

/**
 * {@code /api/live/broadcasts}: the live broadcasts, one per publisher (ANNOUNCE/RECORD), with the rate coming
 * in and the viewers (viewers); {@code DELETE /api/live/broadcasts/{id}} ends one and its viewers (operators).
 */
@Path("live/broadcasts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
@Tag(name = "live")
public class BroadcastsResource {

    @EJB
    private AdapterClient adapter;

    @GET
    @Operation(summary = "The live broadcasts: path, publisher, codecs, transport, state, rate in, viewers")
    public JsonArray list() {
        try {
            JsonArrayBuilder list = Json.createArrayBuilder();
            adapter.broadcasts().forEach(b -> list.add(json(b)));
            return list.build();
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new ApiException(503, e.getMessage());
        }
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("operator")
    @Operation(summary = "End a broadcast: the publisher's session ends and its viewers get RTCP BYE (operator)")
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

    static JsonObject json(BroadcastInfo b) {
        return Json.createObjectBuilder()
                .add("id", b.id())
                .add("path", b.path())
                .add("publisher", b.publisher())
                .add("userName", b.userName() == null ? JsonValue.NULL : Json.createValue(b.userName()))
                .add("userAgent", b.userAgent() == null ? JsonValue.NULL : Json.createValue(b.userAgent()))
                .add("codecs", b.codecs())
                .add("transport", b.transport())
                .add("state", b.state())
                .add("startedAt", b.startedAt().toString())
                .add("bitsPerSecond", b.bitsPerSecond())
                .add("bytesReceived", b.bytesReceived())
                .add("packetsReceived", b.packetsReceived())
                .add("packetsLost", b.packetsLost())
                .add("viewers", b.viewers())
                .build();
    }
}
