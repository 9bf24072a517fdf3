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
import org.tributary.api.settings.SettingDescriptor;
import org.tributary.api.settings.SettingType;
import org.tributary.api.settings.SettingValues;
import org.tributary.api.settings.SettingsSchema;
import org.tributary.ejb.settings.InvalidSettingsException;
import org.tributary.ejb.settings.SettingsResult;
import org.tributary.ejb.settings.SettingsService;

import java.util.Collection;
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
public class SettingsResource {

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
    @RequestBody(description = "any of the fields GET shows under settings (the editable settings of the adapter's"
            + " schema, listed in docs/API.md): whole numbers as JSON numbers, the others as strings")
    @APIResponse(responseCode = "200", description = "{settings: {...}, appliedLive: [field], needRestart: [field]}")
    @APIResponse(responseCode = "400", description = "{status, error, fields: {field: message}}")
    @APIResponse(responseCode = "403", description = "not an admin")
    @APIResponse(responseCode = "415", description = "the body is not application/json")
    public JsonObject put(String body) {
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
        SettingsSchema.editableNames().stream().filter(errors::containsKey).forEach(f -> fields.add(f, errors.get(f)));
        String first = SettingsSchema.editableNames().stream().filter(errors::containsKey).findFirst()
                .orElse("settings");
        return new ApiException(400, "invalid settings: " + first + ": " + errors.get(first),
                Json.createObjectBuilder().add("fields", fields).build());
    }

    static JsonObject json(SettingValues s) {
        JsonObjectBuilder out = Json.createObjectBuilder();
        s.asMap().forEach((field, value) -> {
            if (SettingsSchema.get(field).type() == SettingType.INTEGER) {
                out.add(field, Integer.parseInt(value));
            } else {
                out.add(field, value);
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
