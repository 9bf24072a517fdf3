package org.tributary.web.api;

import org.tributary.web.api.model.SettingsMap;
import org.tributary.web.api.model.SettingsSaved;
import org.tributary.web.api.model.SettingsView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.tributary.web.api.model.ApiError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
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
import org.tributary.api.settings.SettingDescriptor;
import org.tributary.api.settings.SettingType;
import org.tributary.api.settings.SettingValues;
import org.tributary.api.settings.SettingsSchema;
import org.tributary.ejb.settings.InvalidSettingsException;
import org.tributary.ejb.settings.SettingsResult;
import org.tributary.ejb.settings.SettingsService;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/settings}: the server settings. GET (viewers) shows the settings in force, the run's
 * defaults, which fields are stored and which wait for a restart; PUT (admins) changes any subset of the
 * fields and answers which took effect at once and which after a restart; DELETE (admins) returns to the
 * run's defaults. A bad field is a 400 whose {@code fields} member names every bad field. The fields are the
 * editable settings of {@link SettingsSchema}: whole numbers as JSON numbers, the others as strings.
 */
@Path("settings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
@Tag(name = "settings", description = "Ports, bind address, media folder, limits, session timeout, authentication")
@APIResponse(responseCode = "default", description = "an error: 400 a bad value, 401, 403 the role may not, 404, 409, 415, 503",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class SettingsResource {

    @EJB
    private SettingsService settings;

    @GET
    @Operation(summary = "The settings in force, the run's defaults, the stored fields and those waiting for a restart")
    @APIResponse(responseCode = "200", description = "the settings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SettingsView.class)))
    public SettingsView get() {
        return new SettingsView(SettingsMap.of(settings.current()), SettingsMap.of(settings.defaults()),
                List.copyOf(settings.stored().keySet()), List.copyOf(settings.pendingRestart()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Change settings; fields left out keep their value")
    @RequestBody(description = "any of the fields GET shows under settings (the editable settings of the adapter's"
            + " schema, listed in docs/API.md): whole numbers as JSON numbers, the others as strings", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = SettingsMap.SCHEMA)))
    @APIResponse(responseCode = "200", description = "the settings now and when the changes take effect",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SettingsSaved.class)))
    @APIResponse(responseCode = "400", description = "fields names every bad field",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public SettingsSaved put(String body) {
        JsonBody in = JsonBody.parse(body);
        List<String> names = SettingsSchema.editableNames();
        for (String unknown : in.unknownFields(names)) {
            in.problem(unknown, "is not a setting (settings: " + String.join(", ", names) + ")");
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        for (SettingDescriptor d : SettingsSchema.editable()) {
            if (!in.has(d.name())) {
                continue;
            }
            if (d.type() == SettingType.INTEGER) {
                wanted.put(d.name(), Integer.toString(in.integer(d.name(), 0)));
            } else {
                String value = in.string(d.name(), false);
                wanted.put(d.name(), value == null ? "" : value);
            }
        }
        in.check();
        return saved(() -> settings.save(SettingValues.of(wanted)));
    }

    @DELETE
    @RolesAllowed("admin")
    @Operation(summary = "Forget every stored setting: the run's defaults apply again")
    @APIResponse(responseCode = "200", description = "the settings now and when the changes take effect",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SettingsSaved.class)))
    public SettingsSaved reset() {
        return saved(settings::reset);
    }

    private interface Save {
        SettingsResult run() throws InvalidSettingsException;
    }

    private SettingsSaved saved(Save save) {
        SettingsResult result;
        try {
            result = save.run();
        } catch (InvalidSettingsException e) {
            throw invalid(e.fieldErrors());
        }
        return new SettingsSaved(SettingsMap.of(settings.current()), List.copyOf(result.appliedLive()),
                List.copyOf(result.needRestart()));
    }

    private static ApiException invalid(Map<String, String> errors) {
        JsonObjectBuilder fields = Json.createObjectBuilder();
        SettingsSchema.editableNames().stream().filter(errors::containsKey).forEach(f -> fields.add(f, errors.get(f)));
        String first = SettingsSchema.editableNames().stream().filter(errors::containsKey).findFirst()
                .orElse("settings");
        return new ApiException(400, "invalid settings: " + first + ": " + errors.get(first),
                Json.createObjectBuilder().add("fields", fields).build());
    }
}
