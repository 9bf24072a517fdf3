package org.tributary.web.api;

import org.tributary.web.api.model.RuleInput;
import org.tributary.web.api.model.Rule;
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
import org.tributary.ejb.access.AccessRule;
import org.tributary.ejb.access.AccessService;
import org.tributary.ejb.access.RuleSpec;

import java.net.URI;
import java.util.List;

/**
 * {@code /api/rules}: folder rules (a qtaccess per folder), addressed by id. A folder has at most one
 * rule: creating a second one for the same path is a 409.
 */
@Path("rules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
@Tag(name = "rules")
@APIResponse(responseCode = "default", description = "an error: 400 a bad value, 401, 403 the role may not, 404, 409, 415, 503",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class RulesResource {

    @EJB
    private AccessService access;

    @GET
    @Operation(summary = "Folder access rules")
    @APIResponse(responseCode = "200", description = "the rules",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Rule.class)))
    public List<Rule> list() {
        return access.rules().stream().map(Rule::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One rule")
    @APIResponse(responseCode = "200", description = "the rule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rule.class)))
    public Rule get(@PathParam("id") long id) {
        return Rule.of(find(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Create the rule of a folder (admin)")
    @RequestBody(description = "the rule", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleInput.class)))
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rule.class)))
    public Response create(String body) {
        RuleSpec spec = RuleJson.spec(JsonBody.parse(body));
        if (access.rule(spec.pathPrefix()).isPresent()) {
            throw ApiException.conflict("the folder '" + spec.pathPrefix() + "' has a rule");
        }
        AccessRule rule = access.putRule(spec);
        return Response.created(URI.create("rules/" + rule.getId())).entity(Rule.of(rule)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Replace a rule (admin)")
    @RequestBody(description = "the rule", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleInput.class)))
    @APIResponse(responseCode = "200", description = "the rule now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rule.class)))
    public Rule update(@PathParam("id") long id, String body) {
        RuleSpec spec = RuleJson.spec(JsonBody.parse(body));
        AccessRule existing = find(id);
        access.rule(spec.pathPrefix()).filter(other -> !other.getId().equals(existing.getId())).ifPresent(other -> {
            throw ApiException.conflict("the folder '" + other.getPathPrefix() + "' has another rule (" + other.getId() + ")");
        });
        if (!access.rule(spec.pathPrefix()).isPresent()) {
            access.removeRule(existing.getPathPrefix());
        }
        return Rule.of(access.putRule(spec));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("admin")
    @Operation(summary = "Remove a rule (admin)")
    @APIResponse(responseCode = "204", description = "done")
    public Response delete(@PathParam("id") long id) {
        access.removeRule(find(id).getPathPrefix());
        return Response.noContent().build();
    }

    private AccessRule find(long id) {
        return access.rule(id).orElseThrow(() -> ApiException.notFound("rule " + id));
    }
}
