package org.tributary.web.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import org.tributary.ejb.users.UserFields;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON request body read field by field. Each problem is noted against its field; {@link #check()}
 * then fails with 400 and {@code "fields": {"name": "message", ...}} when there were any.
 */
public final class JsonBody {

    private final JsonObject json;
    private final Map<String, String> problems = new LinkedHashMap<>();

    private JsonBody(JsonObject json) {
        this.json = json;
    }

    public static JsonBody parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ApiException(400, "a JSON object is needed as the request body");
        }
        try {
            return new JsonBody(Json.createReader(new StringReader(text)).readObject());
        } catch (JsonParsingException | ClassCastException e) {
            throw new ApiException(400, "the request body is not a JSON object: " + e.getMessage());
        } catch (JsonException e) {
            throw new ApiException(400, "the request body is not a JSON object");
        }
    }

    boolean has(String field) {
        return json.containsKey(field) && json.get(field).getValueType() != JsonValue.ValueType.NULL;
    }

    /** A string field; null when absent (noted as a problem when required). */
    String string(String field, boolean required) {
        if (!has(field)) {
            if (required) {
                problem(field, "is required");
            }
            return null;
        }
        if (!(json.get(field) instanceof JsonString s)) {
            problem(field, "must be a string");
            return null;
        }
        return s.getString();
    }

    /** A required name field: the name of a streaming user or group. */
    String name(String field) {
        String value = string(field, true);
        if (value != null && UserFields.nameProblem(value) != null) {
            problem(field, UserFields.nameProblem(value));
        }
        return value;
    }

    /** A whole-number field; {@code fallback} when absent (noted as a problem when it is not a whole number). */
    int integer(String field, int fallback) {
        if (!has(field)) {
            return fallback;
        }
        if (!(json.get(field) instanceof jakarta.json.JsonNumber n) || !n.isIntegral()) {
            problem(field, "must be a whole number");
            return fallback;
        }
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            problem(field, "is too large");
            return fallback;
        }
    }

    /** A true/false field; {@code fallback} when absent (noted as a problem when it is not true or false). */
    boolean bool(String field, boolean fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonValue value = json.get(field);
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (value.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        problem(field, "must be true or false");
        return fallback;
    }

    /** The names of the body's members that are not in {@code known}. */
    List<String> unknownFields(java.util.Collection<String> known) {
        return json.keySet().stream().filter(k -> !known.contains(k)).sorted().toList();
    }

    /** A list of strings; empty when absent. */
    List<String> strings(String field) {
        List<String> out = new ArrayList<>();
        if (!has(field)) {
            return out;
        }
        if (!(json.get(field) instanceof JsonArray array)) {
            problem(field, "must be a list of strings");
            return out;
        }
        for (JsonValue v : array) {
            if (v instanceof JsonString s) {
                out.add(s.getString());
            } else {
                problem(field, "must be a list of strings");
            }
        }
        return out;
    }

    /** A nested object, or null when absent. */
    JsonBody object(String field) {
        if (!has(field)) {
            return null;
        }
        if (!(json.get(field) instanceof JsonObject o)) {
            problem(field, "must be an object");
            return null;
        }
        return new JsonBody(o);
    }

    /** A list of objects; empty when absent (noted as a problem when it is not a list of objects). */
    List<JsonBody> objects(String field) {
        List<JsonBody> out = new ArrayList<>();
        if (!has(field)) {
            return out;
        }
        if (!(json.get(field) instanceof JsonArray array)) {
            problem(field, "must be a list of objects");
            return out;
        }
        for (JsonValue v : array) {
            if (v instanceof JsonObject o) {
                out.add(new JsonBody(o));
            } else {
                problem(field, "must be a list of objects");
            }
        }
        return out;
    }

    /** A map of strings to strings; empty when absent. */
    Map<String, String> stringMap(String field) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonBody o = object(field);
        if (o == null) {
            return out;
        }
        o.json.forEach((key, value) -> {
            if (value instanceof JsonString s) {
                out.put(key, s.getString());
            } else {
                problem(field, "must map names to texts");
            }
        });
        return out;
    }

    void problem(String field, String message) {
        problems.putIfAbsent(field, message);
    }

    /** Takes the problems of a nested body under "outer.inner" names. */
    void absorb(String prefix, JsonBody nested) {
        nested.problems.forEach((f, m) -> problem(prefix + "." + f, m));
    }

    void check() {
        if (!problems.isEmpty()) {
            JsonObjectBuilder fields = Json.createObjectBuilder();
            problems.forEach(fields::add);
            String summary = problems.entrySet().iterator().next().getKey() + ": " + problems.values().iterator().next();
            throw new ApiException(400, "invalid request: " + summary,
                    Json.createObjectBuilder().add("fields", fields).build());
        }
    }
}
