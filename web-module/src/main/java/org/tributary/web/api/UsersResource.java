package org.tributary.web.api;

import org.tributary.web.api.model.UserChange;
import org.tributary.web.api.model.NewUser;
import org.tributary.web.api.model.StreamingUser;
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
import org.tributary.ejb.users.User;
import org.tributary.ejb.users.UserFields;
import org.tributary.ejb.users.UserService;

import java.net.URI;
import java.util.List;

/**
 * {@code /api/users}: streaming users (who may play protected folders). Passwords go in, only hashes
 * are kept, and nothing about the hashes comes out except which algorithms a user can log in with.
 */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
@Tag(name = "users")
@APIResponse(responseCode = "default", description = "an error: 400 a bad value, 401, 403 the role may not, 404, 409, 415, 503",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class UsersResource {

    @EJB
    private UserService users;

    @GET
    @Operation(summary = "Streaming users (never their password hashes)")
    @APIResponse(responseCode = "200", description = "the users",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = StreamingUser.class)))
    public List<StreamingUser> list() {
        return users.users().stream().map(this::json).toList();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One streaming user")
    @APIResponse(responseCode = "200", description = "the user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StreamingUser.class)))
    public StreamingUser get(@PathParam("name") String name) {
        return json(users.user(name).orElseThrow(() -> ApiException.notFound("user '" + name + "'")));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Create a streaming user (admin)")
    @RequestBody(description = "the new user", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewUser.class)))
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StreamingUser.class)))
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
    @RequestBody(description = "the new password, and realm", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserChange.class)))
    @APIResponse(responseCode = "200", description = "the changed user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StreamingUser.class)))
    public StreamingUser update(@PathParam("name") String name, String body) {
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
    @APIResponse(responseCode = "204", description = "done")
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

    private StreamingUser json(User u) {
        return new StreamingUser(u.getName(), u.getRealm(), u.getHa1Md5() != null, u.getHa1Sha256() != null,
                List.copyOf(users.groupsOf(u.getName())));
    }
}
