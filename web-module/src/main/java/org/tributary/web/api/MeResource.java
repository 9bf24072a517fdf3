package org.tributary.web.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.tributary.web.security.ConsoleSecurity;

import java.util.List;

/** {@code GET /api/me}: the logged-in console account and its roles (what the console shows and hides). */
@Path("me")
@RolesAllowed("viewer")
@Tag(name = "console-accounts")
public class MeResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The logged-in console account and its roles")
    public JsonObject me(@Context SecurityContext security) {
        JsonArrayBuilder roles = Json.createArrayBuilder();
        for (String role : List.of(ConsoleSecurity.ADMIN, ConsoleSecurity.OPERATOR, ConsoleSecurity.VIEWER)) {
            if (security.isUserInRole(role)) {
                roles.add(role);
            }
        }
        return Json.createObjectBuilder().add("name", security.getUserPrincipal().getName()).add("roles", roles).build();
    }
}
