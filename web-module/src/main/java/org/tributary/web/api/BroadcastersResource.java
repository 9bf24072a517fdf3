package org.tributary.web.api;

import org.tributary.web.api.model.BroadcasterPaths;
import org.tributary.web.api.model.Broadcaster;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tributary.web.api.model.ApiError;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.tributary.ejb.access.AccessService;
import org.tributary.ejb.access.BroadcasterAccount;
import org.tributary.ejb.access.RuleFields;
import org.tributary.ejb.users.UserService;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** {@code /api/broadcasters}: streaming users allowed to publish live streams under given paths. */
@Path("broadcasters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
@Tag(name = "broadcasters")
@APIResponse(responseCode = "default", description = "an error: 400 a bad value, 401, 403 the role may not, 404, 409, 415, 503",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class BroadcastersResource {

    @EJB
    private AccessService access;

    @EJB
    private UserService users;

    @GET
    @Operation(summary = "Broadcaster accounts and the paths each may publish to")
    @APIResponse(responseCode = "200", description = "the broadcaster accounts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Broadcaster.class)))
    public List<Broadcaster> list() {
        return access.broadcasters().stream().map(BroadcastersResource::json).toList();
    }

    @GET
    @Path("{user}")
    @Operation(summary = "One broadcaster account")
    @APIResponse(responseCode = "200", description = "the broadcaster account",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Broadcaster.class)))
    public Broadcaster get(@PathParam("user") String user) {
        return json(find(user).orElseThrow(() -> ApiException.notFound("broadcaster account '" + user + "'")));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Let a streaming user broadcast (admin)")
    @RequestBody(description = "the user and its paths", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Broadcaster.class)))
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Broadcaster.class)))
    public Response create(String body) {
        JsonBody in = JsonBody.parse(body);
        String user = in.name("user");
        List<String> paths = paths(in);
        if (user != null && users.user(user).isEmpty()) {
            in.problem("user", "no streaming user '" + user + "'");
        }
        in.check();
        if (find(user).isPresent()) {
            throw ApiException.conflict("broadcaster account '" + user + "' exists");
        }
        return Response.created(URI.create("broadcasters/" + user)).entity(json(access.putBroadcaster(user, paths))).build();
    }

    @PUT
    @Path("{user}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Change a broadcaster's paths (admin)")
    @RequestBody(description = "the new paths", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BroadcasterPaths.class)))
    @APIResponse(responseCode = "200", description = "the changed account",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Broadcaster.class)))
    public Broadcaster update(@PathParam("user") String user, String body) {
        JsonBody in = JsonBody.parse(body);
        List<String> paths = paths(in);
        in.check();
        find(user).orElseThrow(() -> ApiException.notFound("broadcaster account '" + user + "'"));
        return json(access.putBroadcaster(user, paths));
    }

    @DELETE
    @Path("{user}")
    @RolesAllowed("admin")
    @Operation(summary = "Stop a user broadcasting (admin)")
    @APIResponse(responseCode = "204", description = "done")
    public Response delete(@PathParam("user") String user) {
        if (!access.removeBroadcaster(user)) {
            throw ApiException.notFound("broadcaster account '" + user + "'");
        }
        return Response.noContent().build();
    }

    private static List<String> paths(JsonBody in) {
        List<String> paths = in.strings("paths");
        String problem = RuleFields.broadcastPathsProblem(paths);
        if (problem != null) {
            in.problem("paths", problem);
        }
        return paths;
    }

    private Optional<BroadcasterAccount> find(String user) {
        return access.broadcasters().stream().filter(b -> b.getUserName().equals(user)).findFirst();
    }

    private static Broadcaster json(BroadcasterAccount b) {
        return new Broadcaster(b.getUserName(), List.copyOf(b.getPathPrefixes()));
    }
}
