package org.tributary.web.api;

import org.tributary.web.api.model.ConsoleAccountChange;
import org.tributary.web.api.model.NewConsoleAccount;
import org.tributary.web.api.model.ConsoleAccountBody;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Response;
import org.tributary.ejb.console.AccountRules;
import org.tributary.ejb.console.ConsoleAccountService;
import org.tributary.ejb.console.ConsoleRole;

import java.net.URI;
import java.util.List;

/** {@code /api/console-accounts}: who may use the console and the API, with which role (admins only). */
@Path("console-accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "console-accounts")
@APIResponse(responseCode = "default", description = "an error: 400 a bad value, 401, 403 the role may not, 404, 409, 415, 503",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class ConsoleAccountsResource {

    @EJB
    private ConsoleAccountService accounts;

    @Context
    private SecurityContext caller;

    @GET
    @Operation(summary = "Console accounts and their roles")
    @APIResponse(responseCode = "200", description = "the accounts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ConsoleAccountBody.class)))
    public List<ConsoleAccountBody> list() {
        return accounts.accounts().stream().map(ConsoleAccountBody::of).toList();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One console account")
    @APIResponse(responseCode = "200", description = "the account",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsoleAccountBody.class)))
    public ConsoleAccountBody get(@PathParam("name") String name) {
        return ConsoleAccountBody.of(accounts.account(name).orElseThrow(() -> ApiException.notFound("console account '" + name + "'")));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a console account (admin)")
    @RequestBody(description = "the new account", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewConsoleAccount.class)))
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsoleAccountBody.class)))
    public Response create(String body) {
        JsonBody in = JsonBody.parse(body);
        String name = in.string("name", true);
        if (name != null && AccountRules.nameProblem(name) != null) {
            in.problem("name", AccountRules.nameProblem(name));
        }
        ConsoleRole role = role(in, true);
        String password = password(in, true);
        in.check();
        return Response.created(URI.create("console-accounts/" + name))
                .entity(ConsoleAccountBody.of(accounts.create(name, role, password))).build();
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an account's role or password (admin)")
    @RequestBody(description = "what changes", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsoleAccountChange.class)))
    @APIResponse(responseCode = "200", description = "the account now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsoleAccountBody.class)))
    public ConsoleAccountBody update(@PathParam("name") String name, String body) {
        JsonBody in = JsonBody.parse(body);
        ConsoleRole role = role(in, false);
        String password = password(in, false);
        in.check();
        if (role != null) {
            // The same rule as the account pages: an admin cannot lock itself out.
            accounts.account(name).ifPresent(current -> refuse(AccountRules.roleChange(me(), name,
                    current.getRole(), role, admins())));
        }
        return ConsoleAccountBody.of(accounts.update(name, role, password)
                .orElseThrow(() -> ApiException.notFound("console account '" + name + "'")));
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Remove a console account (admin; never the last admin, never your own)")
    @APIResponse(responseCode = "204", description = "done")
    public Response delete(@PathParam("name") String name) {
        accounts.account(name).ifPresent(current -> refuse(AccountRules.deletion(me(), name,
                current.getRole(), admins())));
        if (!accounts.remove(name)) {
            throw ApiException.notFound("console account '" + name + "'");
        }
        return Response.noContent().build();
    }

    private String me() {
        return caller.getUserPrincipal() == null ? "" : caller.getUserPrincipal().getName();
    }

    private long admins() {
        return accounts.accounts().stream().filter(a -> a.getRole() == ConsoleRole.ADMIN).count();
    }

    private static void refuse(String why) {
        if (why != null) {
            throw ApiException.conflict(why);
        }
    }

    private static ConsoleRole role(JsonBody in, boolean required) {
        String text = in.string("role", required);
        if (text == null) {
            return null;
        }
        try {
            return ConsoleRole.parse(text);
        } catch (IllegalArgumentException e) {
            in.problem("role", AccountRules.roleProblem());
            return null;
        }
    }

    private static String password(JsonBody in, boolean required) {
        String password = in.string("password", required);
        if (password != null && AccountRules.passwordProblem(password) != null) {
            in.problem("password", AccountRules.passwordProblem(password));
        }
        return password;
    }
}
