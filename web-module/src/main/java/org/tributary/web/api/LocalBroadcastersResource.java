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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.tributary.api.LocalBroadcasterInfo;
import org.tributary.ejb.adapter.AdapterClient;

/**
 * {@code /api/local-broadcasters}: the commands the server runs to publish live paths (defined in the
 * server's broadcasters file, read-only here) with their state (viewers); {@code POST .../{name}/start} and
 * {@code .../stop} (with {@code Content-Type: application/json}, the body empty or {@code {}}) start and stop
 * one (admins).
 */
@Path("local-broadcasters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
@Tag(name = "local broadcasters")
public class LocalBroadcastersResource {

    @EJB
    private AdapterClient adapter;

    @GET
    @Operation(summary = "The local broadcasters: name, path, mode, command, state, pid, restarts, last exit, viewers")
    public JsonArray list() {
        try {
            JsonArrayBuilder out = Json.createArrayBuilder();
            adapter.localBroadcasters().forEach(b -> out.add(json(b)));
            return out.build();
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new ApiException(503, e.getMessage());
        }
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One local broadcaster")
    public JsonObject get(@PathParam("name") String name) {
        try {
            return json(adapter.localBroadcasters().stream().filter(b -> b.name().equals(name)).findFirst()
                    .orElseThrow(() -> ApiException.notFound("local broadcaster '" + name + "'")));
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new ApiException(503, e.getMessage());
        }
    }

    @POST
    @Path("{name}/start")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Start a local broadcaster; it runs until stopped, viewers or not (admin)")
    public JsonObject start(@PathParam("name") String name) {
        try {
            return json(found(name, adapter.startLocalBroadcaster(name)));
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new ApiException(503, e.getMessage());
        }
    }

    @POST
    @Path("{name}/stop")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Stop a local broadcaster (an on-demand one starts again at its next viewer) (admin)")
    public JsonObject stop(@PathParam("name") String name) {
        try {
            return json(found(name, adapter.stopLocalBroadcaster(name)));
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new ApiException(503, e.getMessage());
        }
    }

    private static LocalBroadcasterInfo found(String name, LocalBroadcasterInfo info) {
        if (info == null) {
            throw ApiException.notFound("local broadcaster '" + name + "'");
        }
        return info;
    }

    static JsonObject json(LocalBroadcasterInfo b) {
        JsonArrayBuilder command = Json.createArrayBuilder();
        b.command().forEach(command::add);
        return Json.createObjectBuilder()
                .add("name", b.name())
                .add("path", b.path())
                .add("mode", b.mode())
                .add("command", command)
                .add("state", b.state())
                .add("pid", b.pid() < 0 ? JsonValue.NULL : Json.createValue(b.pid()))
                .add("restarts", b.restarts())
                .add("lastExitCode", b.lastExitCode() == null ? JsonValue.NULL : Json.createValue(b.lastExitCode()))
                .add("lastExitAt", b.lastExitAt() == null ? JsonValue.NULL : Json.createValue(b.lastExitAt().toString()))
                .add("viewers", b.viewers())
                .add("lingerSeconds", b.lingerSeconds())
                .add("startTimeoutSeconds", b.startTimeoutSeconds())
                .build();
    }
}
