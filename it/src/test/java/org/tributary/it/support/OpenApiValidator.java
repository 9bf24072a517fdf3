package org.tributary.it.support;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a JSON value against a schema of an OpenAPI document, for the part of OpenAPI 3.0 and 3.1 that
 * MicroProfile OpenAPI generates from records: {@code $ref} to the document's components, {@code type} (one
 * or, in 3.1, a list with "null"), {@code nullable} (3.0), {@code properties}, {@code required},
 * {@code additionalProperties}, {@code items}, {@code enum}, {@code minimum}/{@code maximum}, the formats
 * date-time, int32 and int64, and {@code allOf}/{@code anyOf}/{@code oneOf}. A keyword outside that part
 * is a problem too, so that a schema this does not understand fails instead of passing unchecked.
 */
public final class OpenApiValidator {

    private static final List<String> KNOWN = List.of("$ref", "type", "nullable", "properties", "required",
            "additionalProperties", "items", "enum", "minimum", "maximum", "format", "allOf", "anyOf", "oneOf",
            "description", "title", "example", "examples", "default", "readOnly", "writeOnly", "deprecated",
            "uniqueItems", "minItems", "maxItems", "minLength", "maxLength", "pattern");

    private final JsonObject document;

    public OpenApiValidator(JsonObject document) {
        this.document = document;
    }

    /** Every way {@code value} breaks {@code schema}, each with the JSON path ("$.items[0].name"); empty when it fits. */
    public List<String> problems(JsonValue value, JsonObject schema) {
        List<String> out = new ArrayList<>();
        check(value, schema, "$", out);
        return out;
    }

    private void check(JsonValue value, JsonObject schema, String at, List<String> out) {
        for (String keyword : schema.keySet()) {
            if (!KNOWN.contains(keyword) && !keyword.startsWith("x-")) {
                out.add(at + ": the schema keyword '" + keyword + "' is not checked here");
            }
        }
        if (schema.containsKey("$ref")) {
            check(value, resolve(schema.getString("$ref")), at, out);
        }
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            if (!nullAllowed(schema)) {
                out.add(at + ": null where the schema does not allow it");
            }
            return;
        }
        for (JsonValue sub : schema.getOrDefault("allOf", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
            check(value, sub.asJsonObject(), at, out);
        }
        for (String either : List.of("anyOf", "oneOf")) {
            if (schema.containsKey(either) && schema.getJsonArray(either).stream()
                    .noneMatch(sub -> problems(value, sub.asJsonObject()).isEmpty())) {
                out.add(at + ": fits none of " + either + " " + schema.getJsonArray(either));
            }
        }
        List<String> types = types(schema);
        if (!types.isEmpty() && types.stream().noneMatch(t -> isOfType(value, t))) {
            out.add(at + ": " + value.getValueType().name().toLowerCase() + " " + value + " where the schema has " + types);
            return;
        }
        if (schema.containsKey("enum") && !schema.getJsonArray("enum").contains(value)) {
            out.add(at + ": " + value + " is not one of " + schema.getJsonArray("enum"));
        }
        if (value instanceof JsonString s && "date-time".equals(schema.getString("format", ""))) {
            try {
                OffsetDateTime.parse(s.getString());
            } catch (DateTimeParseException e) {
                out.add(at + ": '" + s.getString() + "' is not a date-time");
            }
        }
        if (value instanceof JsonNumber n) {
            checkNumber(n, schema, at, out);
        }
        if (value instanceof JsonObject object) {
            checkObject(object, schema, at, out);
        }
        if (value instanceof JsonArray array && schema.containsKey("items")) {
            for (int i = 0; i < array.size(); i++) {
                check(array.get(i), schema.getJsonObject("items"), at + "[" + i + "]", out);
            }
        }
    }

    private void checkNumber(JsonNumber n, JsonObject schema, String at, List<String> out) {
        String format = schema.getString("format", "");
        if ((format.equals("int32") || format.equals("int64")) && !n.isIntegral()) {
            out.add(at + ": " + n + " is not a whole number (" + format + ")");
        } else if (format.equals("int32") && (n.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
                || n.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(Integer.MIN_VALUE)) < 0)) {
            out.add(at + ": " + n + " does not fit int32");
        }
        if (schema.containsKey("minimum") && n.bigDecimalValue().compareTo(schema.getJsonNumber("minimum").bigDecimalValue()) < 0) {
            out.add(at + ": " + n + " is below the minimum " + schema.get("minimum"));
        }
        if (schema.containsKey("maximum") && n.bigDecimalValue().compareTo(schema.getJsonNumber("maximum").bigDecimalValue()) > 0) {
            out.add(at + ": " + n + " is above the maximum " + schema.get("maximum"));
        }
    }

    private void checkObject(JsonObject object, JsonObject schema, String at, List<String> out) {
        JsonObject properties = schema.getOrDefault("properties", JsonValue.EMPTY_JSON_OBJECT).asJsonObject();
        for (JsonValue name : schema.getOrDefault("required", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
            if (!object.containsKey(((JsonString) name).getString())) {
                out.add(at + ": the required member '" + ((JsonString) name).getString() + "' is missing");
            }
        }
        JsonValue additional = schema.get("additionalProperties");
        for (var member : object.entrySet()) {
            String path = at + "." + member.getKey();
            if (properties.containsKey(member.getKey())) {
                check(member.getValue(), properties.getJsonObject(member.getKey()), path, out);
            } else if (additional instanceof JsonObject additionalSchema) {
                check(member.getValue(), additionalSchema, path, out);
            } else if (JsonValue.FALSE.equals(additional) || (additional == null && !properties.isEmpty())) {
                // A record's schema lists all its members: one more is a member the document does not describe.
                out.add(path + ": a member the schema does not describe");
            }
        }
    }

    private boolean nullAllowed(JsonObject schema) {
        if (schema.getBoolean("nullable", false) || types(schema).contains("null")) {
            return true;
        }
        if (schema.containsKey("$ref")) {
            return nullAllowed(resolve(schema.getString("$ref")));
        }
        return schema.containsKey("anyOf") && schema.getJsonArray("anyOf").stream().anyMatch(s -> nullAllowed(s.asJsonObject()))
                || schema.containsKey("oneOf") && schema.getJsonArray("oneOf").stream().anyMatch(s -> nullAllowed(s.asJsonObject()));
    }

    private static List<String> types(JsonObject schema) {
        JsonValue type = schema.get("type");
        if (type instanceof JsonString s) {
            return List.of(s.getString());
        }
        if (type instanceof JsonArray a) {
            return a.getValuesAs(JsonString::getString);
        }
        return List.of();
    }

    private static boolean isOfType(JsonValue value, String type) {
        return switch (type) {
            case "object" -> value.getValueType() == JsonValue.ValueType.OBJECT;
            case "array" -> value.getValueType() == JsonValue.ValueType.ARRAY;
            case "string" -> value.getValueType() == JsonValue.ValueType.STRING;
            case "boolean" -> value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE;
            case "number" -> value.getValueType() == JsonValue.ValueType.NUMBER;
            case "integer" -> value instanceof JsonNumber n && n.isIntegral();
            case "null" -> value.getValueType() == JsonValue.ValueType.NULL;
            default -> throw new IllegalArgumentException("unknown schema type '" + type + "'");
        };
    }

    /** The schema a local reference ("#/components/schemas/User") names. */
    public JsonObject resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only references into the document are followed, not " + ref);
        }
        JsonValue node = document;
        for (String part : ref.substring(2).split("/")) {
            node = node.asJsonObject().get(part.replace("~1", "/").replace("~0", "~"));
            if (node == null) {
                throw new IllegalArgumentException("the document has no " + ref);
            }
        }
        return node.asJsonObject();
    }
}
