package org.tributary.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tributary.ejb.settings.InvalidSettingsException;
import org.tributary.ejb.settings.ServerSettings;
import org.tributary.ejb.settings.SettingsResult;
import org.tributary.ejb.settings.SettingsService;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/settings}: the server settings. GET (viewers) shows the settings in force, the run's
 * defaults, which fields are stored and which wait for a restart; PUT (admins) changes any subset of the
 * fields and answers which took effect at once and which after a restart; DELETE (admins) returns to the
 * run's defaults. A bad field is a 400 whose {@code fields} member names every bad field.
 */
@Path("settings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
@Tag(name = "settings", description = "Ports, bind address, media folder, limits, session timeout, authentication")
public class SettingsResource {

    /** Text fields; all others are whole numbers. */
    private static final List<String> TEXT_FIELDS = List.of("rtspBindAddress", "mediaRoot", "authSchemes");

    @EJB
    private SettingsService settings;

    @GET
    @Operation(summary = "The settings in force, the run's defaults, the stored fields and those waiting for a restart")
    @APIResponse(responseCode = "200", description = "{settings: {...}, defaults: {...}, stored: [field], pendingRestart: [field]}")
    public JsonObject get() {
        return Json.createObjectBuilder()
                .add("settings", json(settings.current()))
                .add("defaults", json(settings.defaults()))
                .add("stored", names(settings.stored().keySet()))
                .add("pendingRestart", names(settings.pendingRestart()))
                .build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Change settings; fields left out keep their value")
    @RequestBody(description = "any of: rtspBindAddress, rtspPort, rtpPort, httpTunnelPort, mediaRoot, maxConnections, "
            + "maxSessions, maxBandwidthKbps (0 = unlimited), sessionTimeoutSeconds, authSchemes (\"digest basic\"), "
            + "accessCacheSeconds, mp3MaxStreams (0 = MP3 over HTTP off), mp3BurstSeconds, mp3IcyMetaint, "
            + "mp3StallSeconds")
    @APIResponse(responseCode = "200", description = "{settings: {...}, appliedLive: [field], needRestart: [field]}")
    @APIResponse(responseCode = "400", description = "{status, error, fields: {field: message}}")
    @APIResponse(responseCode = "403", description = "not an admin")
    @APIResponse(responseCode = "415", description = "the body is not application/json")
    public JsonObject put(String body) {
        JsonBody in = JsonBody.parse(body);
        for (String unknown : in.unknownFields(ServerSettings.FIELDS)) {
            in.problem(unknown, "is not a setting (settings: " + String.join(", ", ServerSettings.FIELDS) + ")");
        }
        ServerSettings now = settings.current();
        ServerSettings wanted = new ServerSettings(
                text(in, "rtspBindAddress", now.rtspBindAddress()),
                in.integer("rtspPort", now.rtspPort()),
                in.integer("rtpPort", now.rtpPort()),
                in.integer("httpTunnelPort", now.httpTunnelPort()),
                text(in, "mediaRoot", now.mediaRoot()),
                in.integer("maxConnections", now.maxConnections()),
                in.integer("maxSessions", now.maxSessions()),
                in.integer("maxBandwidthKbps", now.maxBandwidthKbps()),
                in.integer("sessionTimeoutSeconds", now.sessionTimeoutSeconds()),
                text(in, "authSchemes", now.authSchemes()),
                in.integer("accessCacheSeconds", now.accessCacheSeconds()),
                in.integer("mp3MaxStreams", now.mp3MaxStreams()),
                in.integer("mp3BurstSeconds", now.mp3BurstSeconds()),
                in.integer("mp3IcyMetaint", now.mp3IcyMetaint()),
                in.integer("mp3StallSeconds", now.mp3StallSeconds()));
        in.check();
        return saved(() -> settings.save(wanted));
    }

    @DELETE
    @RolesAllowed("admin")
    @Operation(summary = "Forget every stored setting: the run's defaults apply again")
    @APIResponse(responseCode = "200", description = "{settings: {...}, appliedLive: [field], needRestart: [field]}")
    public JsonObject reset() {
        return saved(settings::reset);
    }

    private interface Save {
        SettingsResult run() throws InvalidSettingsException;
    }

    private JsonObject saved(Save save) {
        SettingsResult result;
        try {
            result = save.run();
        } catch (InvalidSettingsException e) {
            throw invalid(e.fieldErrors());
        }
        return Json.createObjectBuilder()
                .add("settings", json(settings.current()))
                .add("appliedLive", names(result.appliedLive()))
                .add("needRestart", names(result.needRestart()))
                .build();
    }

    private static ApiException invalid(Map<String, String> errors) {
        JsonObjectBuilder fields = Json.createObjectBuilder();
        ServerSettings.FIELDS.stream().filter(errors::containsKey).forEach(f -> fields.add(f, errors.get(f)));
        String first = ServerSettings.FIELDS.stream().filter(errors::containsKey).findFirst().orElse("settings");
        return new ApiException(400, "invalid settings: " + first + ": " + errors.get(first),
                Json.createObjectBuilder().add("fields", fields).build());
    }

    private static String text(JsonBody in, String field, String current) {
        String value = in.string(field, false);
        return value == null ? current : value;
    }

    static JsonObject json(ServerSettings s) {
        JsonObjectBuilder out = Json.createObjectBuilder();
        s.asText().forEach((field, value) -> {
            if (TEXT_FIELDS.contains(field)) {
                out.add(field, value);
            } else {
                out.add(field, Integer.parseInt(value));
            }
        });
        return out.build();
    }

    private static JsonArrayBuilder names(Collection<String> names) {
        JsonArrayBuilder out = Json.createArrayBuilder();
        names.forEach(out::add);
        return out;
    }
}
