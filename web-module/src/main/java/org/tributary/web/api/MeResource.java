package org.tributary.web.api;

import org.tributary.web.api.model.ApiError;
import org.tributary.web.api.model.Me;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.tributary.web.security.ConsoleSecurity;

import java.util.ArrayList;
import java.util.List;

/** {@code GET /api/me}: the logged-in console account and its roles (what the console shows and hides). */
@Path("me")
@RolesAllowed("viewer")
@Tag(name = "console-accounts")
@APIResponse(responseCode = "default", description = "an error: 400 a bad value, 401, 403 the role may not, 404, 409, 415, 503",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class MeResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The logged-in console account and its roles")
    @APIResponse(responseCode = "200", description = "the account",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Me.class)))
    public Me me(@Context SecurityContext security) {
        List<String> roles = new ArrayList<>();
        for (String role : List.of(ConsoleSecurity.ADMIN, ConsoleSecurity.OPERATOR, ConsoleSecurity.VIEWER)) {
            if (security.isUserInRole(role)) {
                roles.add(role);
            }
        }
        return new Me(security.getUserPrincipal().getName(), roles);
    }
}
