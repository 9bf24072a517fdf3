package org.tributary.web.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
    public JsonObject sessions(@QueryParam("from") String from, @QueryParam("to") String to,
                               @QueryParam("path") String path, @QueryParam("user") String user,
                               @QueryParam("client") String client, @QueryParam("status") Integer status,
                               @QueryParam("page") @DefaultValue("0") int page,
                               @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE) {
            throw new ApiException(400, "page must be >= 0 and size between 1 and " + MAX_PAGE);
        }
        HistoryFilter filter = filter(from, to, path, user, client, status);
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (SessionHistory h : history.find(filter, page * size, size)) {
            items.add(json(h));
        }
        return Json.createObjectBuilder().add("total", history.count(filter)).add("page", page).add("size", size)
                .add("items", items).build();
    }

    @GET
    @Path("sessions")
    @Produces(CSV + ";qs=0.5") // JSON stays the answer when the client accepts anything
    @Operation(summary = "The session history as CSV (Accept: text/csv)")
    public Response sessionsCsv(@QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("path") String path, @QueryParam("user") String user,
                                @QueryParam("client") String client, @QueryParam("status") Integer status) {
        HistoryFilter filter = filter(from, to, path, user, client, status);
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
    public Response sessionsCsvFile(@QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("path") String path, @QueryParam("user") String user,
                                    @QueryParam("client") String client, @QueryParam("status") Integer status) {
        return sessionsCsv(from, to, path, user, client, status);
    }

    private static HistoryFilter filter(String from, String to, String path, String user, String client,
                                        Integer status) {
        return new HistoryFilter(instant("from", from), instant("to", to), path, user, client, status);
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

    private static JsonObject json(SessionHistory h) {
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("id", h.getEventId())
                .add("kind", h.getKind())
                .add("startedAt", h.getStartedAt().toString())
                .add("endedAt", h.getEndedAt().toString())
                .add("durationSeconds", h.getDurationSeconds())
                .add("clientAddress", h.getClientAddress())
                .add("path", h.getPath())
                .add("status", h.getStatus())
                .add("bytesSent", h.getBytesSent())
                .add("packetsSent", h.getPacketsSent())
                .add("rtcpBytesReceived", h.getRtcpBytesReceived())
                .add("count", h.getCount());
        addText(o, "sessionId", h.getSessionId());
        addText(o, "query", h.getQuery());
        addText(o, "endReason", h.getEndReason());
        addText(o, "userAgent", h.getUserAgent());
        addText(o, "transport", h.getTransport());
        addText(o, "audioCodec", h.getAudioCodec());
        addText(o, "videoCodec", h.getVideoCodec());
        addText(o, "username", h.getUsername());
        addText(o, "realm", h.getRealm());
        addText(o, "serverAddress", h.getServerAddress());
        if (h.getPacketsLost() == null) {
            o.addNull("packetsLost");
        } else {
            o.add("packetsLost", h.getPacketsLost());
        }
        return o.build();
    }

    private static void addText(JsonObjectBuilder o, String name, String value) {
        if (value == null) {
            o.addNull(name);
        } else {
            o.add(name, value);
        }
    }
}
