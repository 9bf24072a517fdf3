package org.tributary.web.api;

import org.tributary.web.api.model.HistoryEntry;
import org.tributary.web.api.model.HistoryPage;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tributary.web.api.model.ApiError;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.tributary.ejb.logs.HistoryFilter;
import org.tributary.ejb.logs.SessionHistory;
import org.tributary.ejb.logs.SessionHistoryStore;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /api/logs/sessions}: the session history (finished sessions and refused requests), newest
 * first, filtered by {@code from}/{@code to} (ISO instant or date, on the end time), {@code path}
 * (contains), {@code user}, {@code client}, {@code status}; paged by {@code page} and {@code size}.
 * The same with {@code Accept: text/csv}, or {@code /api/logs/sessions.csv}, exports every match as CSV.
 */
@Path("logs")
@RolesAllowed("viewer")
@Tag(name = "logs")
@APIResponse(responseCode = "default", description = "an error: 400 a bad value, 401, 403 the role may not, 404, 409, 415, 503",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class LogsResource {

    static final String CSV = "text/csv";
    private static final int MAX_PAGE = 1000;
    private static final int MAX_EXPORT = 100_000;

    @EJB
    private SessionHistoryStore history;

    @GET
    @Path("sessions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The session history, newest first, filtered and paged (JSON)")
    @APIResponse(responseCode = "200", description = "a page of the history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HistoryPage.class)))
    public HistoryPage sessions(@QueryParam("from") String from, @QueryParam("to") String to,
                               @QueryParam("path") String path, @QueryParam("user") String user,
                               @QueryParam("client") String client, @QueryParam("status") Integer status,
                               @QueryParam("node") String node,
                               @QueryParam("page") @DefaultValue("0") int page,
                               @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE) {
            throw new ApiException(400, "page must be >= 0 and size between 1 and " + MAX_PAGE);
        }
        HistoryFilter filter = filter(from, to, path, user, client, status, node);
        List<HistoryEntry> items = history.find(filter, page * size, size).stream().map(HistoryEntry::of).toList();
        return new HistoryPage(history.count(filter), page, size, items);
    }

    @GET
    @Path("sessions")
    @Produces(CSV + ";qs=0.5") // JSON stays the answer when the client accepts anything
    @Operation(summary = "The session history as CSV (Accept: text/csv)")
    @APIResponse(responseCode = "200", description = "every match as CSV",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response sessionsCsv(@QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("path") String path, @QueryParam("user") String user,
                                @QueryParam("client") String client, @QueryParam("status") Integer status,
                               @QueryParam("node") String node) {
        HistoryFilter filter = filter(from, to, path, user, client, status, node);
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(HistoryCsv.HEADER);
            for (int first = 0; first < MAX_EXPORT; first += MAX_PAGE) {
                List<SessionHistory> rows = history.find(filter, first, MAX_PAGE);
                for (SessionHistory h : rows) {
                    writer.write(HistoryCsv.row(h));
                }
                if (rows.size() < MAX_PAGE) {
                    break;
                }
            }
            writer.flush();
        };
        return Response.ok(body, CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"tributary-sessions.csv\"").build();
    }

    @GET
    @Path("sessions.csv")
    @Produces(CSV)
    @Operation(summary = "The session history as a CSV download")
    @APIResponse(responseCode = "200", description = "every match as CSV",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response sessionsCsvFile(@QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("path") String path, @QueryParam("user") String user,
                                    @QueryParam("client") String client, @QueryParam("status") Integer status,
                                    @QueryParam("node") String node) {
        return sessionsCsv(from, to, path, user, client, status, node);
    }

    private static HistoryFilter filter(String from, String to, String path, String user, String client,
                                        Integer status, String node) {
        return new HistoryFilter(instant("from", from), instant("to", to), path, user, client, status, node);
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiException(400, name + " must be an ISO date (2025-01-31) or instant (2025-01-31T12:00:00Z), not '"
                    + value + "'");
        }
    }
}
