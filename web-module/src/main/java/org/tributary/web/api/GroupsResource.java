package org.tributary.web.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
public class GroupsResource {

    @EJB
    private UserService users;

    @GET
    @Operation(summary = "Groups of streaming users")
    public JsonArray list() {
        JsonArrayBuilder out = Json.createArrayBuilder();
        users.groups().forEach(g -> out.add(json(g)));
        return out.build();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One group")
    public JsonObject get(@PathParam("name") String name) {
        return json(users.group(name).orElseThrow(() -> ApiException.notFound("group '" + name + "'")));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Create a group (admin)")
    @RequestBody(description = "{\"name\": \"staff\", \"members\": [\"carol\"]}")
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
    @RequestBody(description = "{\"members\": [\"carol\", \"dave\"]}")
    public JsonObject update(@PathParam("name") String name, String body) {
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

    private static JsonObject json(UserGroup g) {
        return Json.createObjectBuilder().add("name", g.getName())
                .add("members", Json.createArrayBuilder(g.getMembers())).build();
    }
}
