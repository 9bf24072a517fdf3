package org.tributary.web.api;

import org.tributary.web.api.model.GroupMembers;
import org.tributary.web.api.model.Group;
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
import org.tributary.ejb.users.UserFields;
import org.tributary.ejb.users.UserGroup;
import org.tributary.ejb.users.UserService;

import java.net.URI;
import java.util.List;

/** {@code /api/groups}: groups of streaming users, as lines of Darwin's qtgroups. */
@Path("groups")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
@Tag(name = "groups")
@APIResponse(responseCode = "default", description = "an error: 400 a bad value, 401, 403 the role may not, 404, 409, 415, 503",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class GroupsResource {

    @EJB
    private UserService users;

    @GET
    @Operation(summary = "Groups of streaming users")
    @APIResponse(responseCode = "200", description = "the groups",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Group.class)))
    public List<Group> list() {
        return users.groups().stream().map(GroupsResource::json).toList();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One group")
    @APIResponse(responseCode = "200", description = "the group",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Group.class)))
    public Group get(@PathParam("name") String name) {
        return json(users.group(name).orElseThrow(() -> ApiException.notFound("group '" + name + "'")));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Create a group (admin)")
    @RequestBody(description = "the new group", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Group.class)))
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Group.class)))
    public Response create(String body) {
        JsonBody in = JsonBody.parse(body);
        String name = in.name("name");
        List<String> members = members(in);
        in.check();
        if (users.group(name).isPresent()) {
            throw ApiException.conflict("group '" + name + "' exists");
        }
        return Response.created(URI.create("groups/" + name)).entity(json(users.putGroup(name, members))).build();
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Replace a group's members (admin)")
    @RequestBody(description = "the new members", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GroupMembers.class)))
    @APIResponse(responseCode = "200", description = "the changed group",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Group.class)))
    public Group update(@PathParam("name") String name, String body) {
        JsonBody in = JsonBody.parse(body);
        List<String> members = members(in);
        in.check();
        users.group(name).orElseThrow(() -> ApiException.notFound("group '" + name + "'"));
        return json(users.putGroup(name, members));
    }

    @DELETE
    @Path("{name}")
    @RolesAllowed("admin")
    @Operation(summary = "Remove a group (admin)")
    @APIResponse(responseCode = "204", description = "done")
    public Response delete(@PathParam("name") String name) {
        if (!users.removeGroup(name)) {
            throw ApiException.notFound("group '" + name + "'");
        }
        return Response.noContent().build();
    }

    private static List<String> members(JsonBody in) {
        List<String> members = in.strings("members");
        String problem = UserFields.namesProblem(members);
        if (problem != null) {
            in.problem("members", problem);
        }
        return members;
    }

    private static Group json(UserGroup g) {
        return new Group(g.getName(), List.copyOf(g.getMembers()));
    }
}
