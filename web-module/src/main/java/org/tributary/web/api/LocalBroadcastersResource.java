package org.tributary.web.api;

import org.tributary.web.api.model.LocalBroadcaster;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tributary.web.api.model.ApiError;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.tributary.api.LocalBroadcasterInfo;
import org.tributary.ejb.adapter.AdapterClient;

import java.util.List;

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
@APIResponse(responseCode = "default", description = "an error: 400 a bad value, 401, 403 the role may not, 404, 409, 415, 503",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class LocalBroadcastersResource {

    @EJB
    private AdapterClient adapter;

    @GET
    @Operation(summary = "The local broadcasters: name, path, mode, command, state, pid, restarts, last exit, viewers")
    @APIResponse(responseCode = "200", description = "the local broadcasters",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = LocalBroadcaster.class)))
    public List<LocalBroadcaster> list() {
        try {
            return adapter.localBroadcasters().stream().map(LocalBroadcaster::of).toList();
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new ApiException(503, e.getMessage());
        }
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One local broadcaster")
    @APIResponse(responseCode = "200", description = "the local broadcaster",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalBroadcaster.class)))
    public LocalBroadcaster get(@PathParam("name") String name) {
        try {
            return LocalBroadcaster.of(adapter.localBroadcasters().stream().filter(b -> b.name().equals(name)).findFirst()
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
    @APIResponse(responseCode = "200", description = "the broadcaster now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalBroadcaster.class)))
    public LocalBroadcaster start(@PathParam("name") String name) {
        try {
            return LocalBroadcaster.of(found(name, adapter.startLocalBroadcaster(name)));
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new ApiException(503, e.getMessage());
        }
    }

    @POST
    @Path("{name}/stop")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Stop a local broadcaster (an on-demand one starts again at its next viewer) (admin)")
    @APIResponse(responseCode = "200", description = "the broadcaster now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalBroadcaster.class)))
    public LocalBroadcaster stop(@PathParam("name") String name) {
        try {
            return LocalBroadcaster.of(found(name, adapter.stopLocalBroadcaster(name)));
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
}
