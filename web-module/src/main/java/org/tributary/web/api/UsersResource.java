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
import org.tributary.ejb.users.User;
import org.tributary.ejb.users.UserFields;
import org.tributary.ejb.users.UserService;

import java.net.URI;

/**
 * {@code /api/users}: streaming users (who may play protected folders). Passwords go in, only hashes
 * are kept, and nothing about the hashes comes out except which algorithms a user can log in with.
 */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
@Tag(name = "users")
public class UsersResource {

    @EJB
    private UserService users;

    @GET
    @Operation(summary = "Streaming users (never their password hashes)")
    public JsonArray list() {
        JsonArrayBuilder out = Json.createArrayBuilder();
        users.users().forEach(u -> out.add(json(u)));
        return out.build();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One streaming user")
    public JsonObject get(@PathParam("name") String name) {
        return json(users.user(name).orElseThrow(() -> ApiException.notFound("user '" + name + "'")));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Create a streaming user (admin)")
    @RequestBody(description = "{\"name\": \"carol\", \"realm\"?: \"...\", \"password\": \"...\"}")
    public Response create(String body) {
        JsonBody in = JsonBody.parse(body);
        String name = in.name("name");
        String realm = in.string("realm", false);
        String password = password(in);
        in.check();
        if (users.user(name).isPresent()) {
            throw ApiException.conflict("user '" + name + "' exists");
        }
        User user = users.putUser(name, realm, password);
        return Response.created(URI.create("users/" + name)).entity(json(user)).build();
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Change a user's password or realm (admin)")
    @RequestBody(description = "{\"realm\"?: \"...\", \"password\": \"...\"}")
    public JsonObject update(@PathParam("name") String name, String body) {
        JsonBody in = JsonBody.parse(body);
        String realm = in.string("realm", false);
        String password = password(in);
        in.check();
        User existing = users.user(name).orElseThrow(() -> ApiException.notFound("user '" + name + "'"));
        return json(users.putUser(name, realm == null ? existing.getRealm() : realm, password));
    }

    @DELETE
    @Path("{name}")
    @RolesAllowed("admin")
    @Operation(summary = "Remove a streaming user (admin)")
    public Response delete(@PathParam("name") String name) {
        if (!users.removeUser(name)) {
            throw ApiException.notFound("user '" + name + "'");
        }
        return Response.noContent().build();
    }

    private static String password(JsonBody in) {
        String password = in.string("password", true);
        if (password != null && UserFields.passwordProblem(password) != null) {
            in.problem("password", UserFields.passwordProblem(password));
        }
        return password;
    }

    private JsonObject json(User u) {
        return Json.createObjectBuilder()
                .add("name", u.getName())
                .add("realm", u.getRealm())
                .add("digestMd5", u.getHa1Md5() != null)
                .add("digestSha256", u.getHa1Sha256() != null)
                .add("groups", Json.createArrayBuilder(users.groupsOf(u.getName())))
                .build();
    }
}
