package org.tributary.web.api;

import org.tributary.web.api.model.ErrorLogEntry;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.tributary.web.api.model.ApiError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tributary.ejb.logs.ErrorLogParser;
import org.tributary.ejb.logs.ErrorLogService;

import java.util.List;

/** {@code GET /api/logs/errors?lines=200&level=WARN}: the tail of the error log, oldest first. Viewers and up. */
@Path("logs/errors")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
@Tag(name = "logs")
@APIResponse(responseCode = "default", description = "an error: 400 a bad value, 401, 403 the role may not, 404, 409, 415, 503",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class ErrorLogResource {

    @EJB
    private ErrorLogService errorLog;

    @GET
    @Operation(summary = "The last entries of tributary-error.log at a level or above")
    @APIResponse(responseCode = "200", description = "the entries, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ErrorLogEntry.class)))
    @APIResponse(responseCode = "400", description = "lines out of 1..5000, or an unknown level",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public List<ErrorLogEntry> tail(@QueryParam("lines") @DefaultValue("200")
                          @Parameter(description = "how many entries, 1 to 5000") String lines,
                          @QueryParam("level")
                          @Parameter(description = "TRACE, DEBUG, INFO, WARN or ERROR: that level and above") String level) {
        int count;
        try {
            count = Integer.parseInt(lines.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(400, "lines must be a whole number, not '" + lines + "'");
        }
        // Checked here so that a bad query is a 400, not a failed bean call in the server log.
        if (count < 1 || count > ErrorLogService.MAX_LINES) {
            throw new ApiException(400, "lines must be between 1 and " + ErrorLogService.MAX_LINES);
        }
        if (level != null && !level.isBlank()) {
            try {
                ErrorLogParser.level(level);
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, e.getMessage());
            }
        }
        return errorLog.tail(count, level).stream()
                .map(line -> new ErrorLogEntry(line.time(), line.level(), line.message())).toList();
    }
}
