package org.tributary.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tributary.ejb.relays.DarwinRelayConfig;
import org.tributary.ejb.relays.RelayService;
import org.tributary.ejb.relays.RelaySpec;
import org.tributary.web.api.model.ApiError;
import org.tributary.web.api.model.Relay;
import org.tributary.web.api.model.RelayImportResult;
import org.tributary.web.api.model.RelayInput;

import java.net.URI;
import java.util.List;

/**
 * {@code /api/relays}: streams pulled from other servers to a path here, or pushed from a path here to other
 * servers. Everyone reads them (the user name only admins; the password nobody, ever: only whether one is
 * stored); admins create, replace, delete and import them. The adapter's refusal of a definition is a 400 and
 * nothing is stored; a relayconfig.xml's relays that cannot be imported are {@code "problems"} as
 * {@code relayconfig.xml:line: message}.
 */
@Path("relays")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
@Tag(name = "relays")
@APIResponse(responseCode = "default", description = "an error: 400 a bad value or a refused relay, 401, 403 the role may not, 404, 415, 503",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class RelaysResource {

    @EJB
    private RelayService relays;

    @Context
    private SecurityContext caller;

    @GET
    @Operation(summary = "The relays: definition (user for admins only, never the password) and state")
    @APIResponse(responseCode = "200", description = "the relays, by name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Relay.class)))
    public List<Relay> list() {
        boolean admin = admin();
        return relays.list().stream().map(r -> Relay.of(r, admin)).toList();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One relay")
    @APIResponse(responseCode = "200", description = "the relay",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Relay.class)))
    public Relay get(@PathParam("name") String name) {
        return Relay.of(relays.find(name).orElseThrow(() -> ApiException.notFound("relay '" + name + "'")), admin());
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Create or replace a relay and run it (a disabled one stops); a left-out password keeps the stored one (admin)")
    @RequestBody(description = "the definition", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RelayInput.class)))
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Relay.class)))
    @APIResponse(responseCode = "200", description = "replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Relay.class)))
    public Response put(@PathParam("name") String name, String body) {
        RelaySpec spec = RelayJson.spec(JsonBody.parse(body), name);
        RelayService.Saved saved = relays.put(spec);
        Relay relay = Relay.of(saved.relay(), true);
        return saved.created() ? Response.created(URI.create("relays/" + name)).entity(relay).build()
                : Response.ok(relay).build();
    }

    @DELETE
    @Path("{name}")
    @RolesAllowed("admin")
    @Operation(summary = "Delete a relay, stopping it (a pull relay's viewers are ended) (admin)")
    @APIResponse(responseCode = "204", description = "done")
    public Response delete(@PathParam("name") String name) {
        if (!relays.delete(name)) {
            throw ApiException.notFound("relay '" + name + "'");
        }
        return Response.noContent().build();
    }

    @POST
    @Path("import")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.TEXT_PLAIN})
    @RolesAllowed("admin")
    @Operation(summary = "Import Darwin's relayconfig.xml: rtsp_source pulls and announced_destination pushes; existing names are not replaced (admin)")
    @RequestBody(description = "the relayconfig.xml text", required = true,
            content = {@Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = MediaType.TEXT_XML, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "200", description = "the relays stored and, one per relay not stored, why",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RelayImportResult.class)))
    public RelayImportResult importDarwin(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new ApiException(400, "the relayconfig.xml text is needed as the request body");
        }
        try {
            RelayService.Imported imported = relays.importDarwin(xml, null);
            return new RelayImportResult(imported.imported(), imported.problems());
        } catch (DarwinRelayConfig.UnreadableException e) {
            JsonArrayBuilder problems = Json.createArrayBuilder().add(e.getMessage());
            throw new ApiException(400, "the file cannot be read; nothing was imported: " + e.getMessage(),
                    Json.createObjectBuilder().add("problems", problems).build());
        }
    }

    private boolean admin() {
        return caller != null && caller.isUserInRole("admin");
    }
}
