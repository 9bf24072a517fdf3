package org.tributary.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tributary.ejb.backup.BackupFile;
import org.tributary.ejb.backup.BackupRefusedException;
import org.tributary.ejb.backup.DatabaseBackupService;
import org.tributary.web.api.model.ApiError;
import org.tributary.web.api.model.BackupBody;

import java.net.URI;
import java.util.List;

/**
 * {@code /api/backups}: database backups made while the server runs (admins only). POST makes one, GET lists
 * them newest first, {@code GET /api/backups/<name>} downloads one; {@code scripts/restore-database.sh} loads
 * it into a stopped server.
 */
@Path("backups")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "backups")
@APIResponse(responseCode = "default", description = "an error: 400 a bad value, 401, 403 the role may not, 404, 409, 415, 503",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class BackupsResource {

    static final String GZIP = "application/gzip";

    @EJB
    private DatabaseBackupService backups;

    @GET
    @Operation(summary = "The database backups in the backup folder, newest first (admin)")
    @APIResponse(responseCode = "200", description = "the backups",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = BackupBody.class)))
    public List<BackupBody> list() {
        return backups.backups().stream().map(BackupBody::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON) // no body is read; the type keeps cross-site form posts out
    @Operation(summary = "Back up the database now (admin; the embedded H2 database, PostgreSQL uses pg_dump)")
    @APIResponse(responseCode = "201", description = "the backup made",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BackupBody.class)))
    @APIResponse(responseCode = "409", description = "the database is not H2: back it up with its own tools",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "500", description = "the export could not be written (the message says why)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response backUp() {
        BackupFile made;
        try {
            made = backups.backUp();
        } catch (BackupRefusedException e) {
            throw new ApiException(e.unsupported() ? 409 : 500, e.getMessage());
        }
        return Response.created(URI.create("backups/" + made.name())).entity(BackupBody.of(made)).build();
    }

    @GET
    @Path("{name}")
    @Produces(GZIP)
    @Operation(summary = "Download one backup: a gzip-compressed SQL script (admin)")
    @APIResponse(responseCode = "200", description = "the backup",
            content = @Content(mediaType = GZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response download(@PathParam("name") String name) {
        java.nio.file.Path file = backups.file(name).orElseThrow(() -> ApiException.notFound("backup '" + name + "'"));
        return Response.ok(file.toFile(), GZIP)
                .header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"").build();
    }
}
