package org.tributary.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
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
import org.tributary.ejb.logs.ErrorLogLine;
import org.tributary.ejb.logs.ErrorLogParser;
import org.tributary.ejb.logs.ErrorLogService;

/** {@code GET /api/logs/errors?lines=200&level=WARN}: the tail of the error log, oldest first. Viewers and up. */
@Path("logs/errors")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
@Tag(name = "logs")
public class ErrorLogResource {

    @EJB
    private ErrorLogService errorLog;

    @GET
    @Operation(summary = "The last entries of tributary-error.log at a level or above")
    @APIResponse(responseCode = "200", description = "[{time, level, message}], oldest first")
    @APIResponse(responseCode = "400", description = "lines out of 1..5000, or an unknown level")
    public JsonArray tail(@QueryParam("lines") @DefaultValue("200")
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
        JsonArrayBuilder out = Json.createArrayBuilder();
        for (ErrorLogLine line : errorLog.tail(count, level)) {
            out.add(Json.createObjectBuilder().add("time", line.time()).add("level", line.level())
                    .add("message", line.message()));
        }
        return out.build();
    }
}
