package org.tributary.web.api;

import org.tributary.web.api.model.ImportResult;
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
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.tributary.ejb.darwin.DarwinExport;
import org.tributary.ejb.darwin.DarwinFiles;
import org.tributary.ejb.darwin.DarwinImportService;
import org.tributary.ejb.darwin.ImportReport;
import org.tributary.ejb.users.UserService;

import java.util.Map;

/**
 * {@code /api/darwin/qtusers|qtgroups|qtaccess}: Darwin Streaming Server's files. POST a file's text to
 * import it (a bad line anywhere stores nothing: 400 with {@code "problems": ["qtusers:3: ..."]});
 * GET exports what is stored in the same format. qtaccess takes {@code ?folder=} (default: media root).
 * The qtusers export holds every streaming user's MD5 Digest HA1, which answers Digest challenges as that
 * user: it is for admins only. qtgroups (group names and members) and qtaccess (a folder's rule) hold no
 * secret and are readable by every role.
 */
@Path("darwin")
@RolesAllowed("viewer")
@Tag(name = "darwin")
@APIResponse(responseCode = "default", description = "an error: 400 a bad value, 401, 403 the role may not, 404, 409, 415, 503",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class DarwinResource {

    @EJB
    private DarwinImportService importer;

    @EJB
    private DarwinExport export;

    @POST
    @Path("qtusers")
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Import a Darwin qtusers file (admin); nothing is stored if a line is bad")
    @RequestBody(description = "the qtusers file", required = true,
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "what was stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    public ImportResult importUsers(String text) {
        return report(importer.importFiles(new DarwinFiles(required(text), null, Map.of())));
    }

    @POST
    @Path("qtgroups")
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Import a Darwin qtgroups file (admin)")
    @RequestBody(description = "the qtgroups file", required = true,
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "what was stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    public ImportResult importGroups(String text) {
        return report(importer.importFiles(new DarwinFiles(null, required(text), Map.of())));
    }

    @POST
    @Path("qtaccess")
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Import a Darwin qtaccess file as the rule of ?folder= (admin)")
    @RequestBody(description = "the qtaccess file", required = true,
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "what was stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    public ImportResult importAccess(@QueryParam("folder") @DefaultValue("") String folder, String text) {
        if (folder.contains("..") || folder.contains("\\")) {
            throw new ApiException(400, "folder: a folder under the media root, no '..'");
        }
        return report(importer.importFiles(new DarwinFiles(null, null, Map.of(trim(folder), required(text)))));
    }

    @GET
    @Path("qtusers")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed("admin")
    @Operation(summary = "Export the streaming users with their MD5 Digest HA1s as a qtusers file (?realm=; admin)")
    @APIResponse(responseCode = "200", description = "the file",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    public String exportUsers(@QueryParam("realm") @DefaultValue(UserService.DEFAULT_REALM) String realm) {
        return export.qtusers(realm);
    }

    @GET
    @Path("qtgroups")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Export the groups as a qtgroups file")
    @APIResponse(responseCode = "200", description = "the file",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    public String exportGroups() {
        return export.qtgroups();
    }

    @GET
    @Path("qtaccess")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Export a folder's rule as a qtaccess file (?folder=)")
    @APIResponse(responseCode = "200", description = "the file",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    public String exportAccess(@QueryParam("folder") @DefaultValue("") String folder) {
        String text = export.qtaccess().get(trim(folder));
        if (text == null) {
            throw ApiException.notFound("a rule for the folder '" + trim(folder) + "'");
        }
        return text;
    }

    private static String required(String text) {
        if (text == null || text.isBlank()) {
            throw new ApiException(400, "the file's text is needed as the request body");
        }
        return text;
    }

    private static String trim(String folder) {
        String f = folder.trim();
        while (f.startsWith("/")) {
            f = f.substring(1);
        }
        while (f.endsWith("/")) {
            f = f.substring(0, f.length() - 1);
        }
        return f;
    }

    private static ImportResult report(ImportReport report) {
        if (!report.stored()) {
            JsonArrayBuilder problems = Json.createArrayBuilder();
            report.problems().forEach(p -> problems.add(p.toString()));
            throw new ApiException(400, report.problems().size() + " bad line(s); nothing was stored",
                    Json.createObjectBuilder().add("problems", problems).build());
        }
        return new ImportResult(report.users(), report.groups(), report.rules());
    }
}
