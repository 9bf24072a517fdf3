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
import org.tributary.ejb.access.AccessRule;
import org.tributary.ejb.access.AccessService;
import org.tributary.ejb.access.RuleSpec;

import java.net.URI;

/**
 * {@code /api/rules}: folder rules (a qtaccess per folder), addressed by id. A folder has at most one
 * rule: creating a second one for the same path is a 409.
 */
@Path("rules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
@Tag(name = "rules")
public class RulesResource {

    @EJB
    private AccessService access;

    @GET
    @Operation(summary = "Folder access rules")
    public JsonArray list() {
        JsonArrayBuilder out = Json.createArrayBuilder();
        access.rules().forEach(r -> out.add(RuleJson.json(r)));
        return out.build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One rule")
    public JsonObject get(@PathParam("id") long id) {
        return RuleJson.json(find(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Create the rule of a folder (admin)")
    @RequestBody(description = "{\"path\": \"private\", \"realm\"?: \"...\", \"scheme\"?: \"basic|digest\", \"read\": {\"audience\": \"anyone|any-user|listed|nobody\", \"users\": [], \"groups\": []}, \"write\": {...}, \"allowFrom\": [\"10.0.0.0/8\"], \"denyFrom\": [], \"note\"?: \"...\"}")
    public Response create(String body) {
        RuleSpec spec = RuleJson.spec(JsonBody.parse(body));
        if (access.rule(spec.pathPrefix()).isPresent()) {
            throw ApiException.conflict("the folder '" + spec.pathPrefix() + "' has a rule");
        }
        AccessRule rule = access.putRule(spec);
        return Response.created(URI.create("rules/" + rule.getId())).entity(RuleJson.json(rule)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Replace a rule (admin)")
    @RequestBody(description = "the same object as for POST")
    public JsonObject update(@PathParam("id") long id, String body) {
        RuleSpec spec = RuleJson.spec(JsonBody.parse(body));
        AccessRule existing = find(id);
        access.rule(spec.pathPrefix()).filter(other -> !other.getId().equals(existing.getId())).ifPresent(other -> {
            throw ApiException.conflict("the folder '" + other.getPathPrefix() + "' has another rule (" + other.getId() + ")");
        });
        if (!access.rule(spec.pathPrefix()).isPresent()) {
            access.removeRule(existing.getPathPrefix());
        }
        return RuleJson.json(access.putRule(spec));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("admin")
    @Operation(summary = "Remove a rule (admin)")
    public Response delete(@PathParam("id") long id) {
        access.removeRule(find(id).getPathPrefix());
        return Response.noContent().build();
    }

    private AccessRule find(long id) {
        return access.rule(id).orElseThrow(() -> ApiException.notFound("rule " + id));
    }
}
