package org.tributary.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The validator finds each kind of mismatch, at its path, in both OpenAPI 3.0 and 3.1 forms. */
class OpenApiValidatorTest {

    private static final JsonObject DOCUMENT = (JsonObject) json("""
            {"components": {"schemas": {
              "User": {"type": "object", "required": ["name", "groups"], "properties": {
                "name": {"type": "string"},
                "age": {"type": "integer", "format": "int32", "minimum": 0},
                "nick": {"type": ["string", "null"]},
                "realm": {"type": "string", "nullable": true},
                "role": {"type": "string", "enum": ["admin", "viewer"]},
                "since": {"type": "string", "format": "date-time"},
                "groups": {"type": "array", "items": {"$ref": "#/components/schemas/Group"}},
                "tags": {"type": "object", "additionalProperties": {"type": "integer"}}}},
              "Group": {"type": "object", "properties": {"name": {"type": "string"}}}}}}""");

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    private static List<String> problems(String value) {
        OpenApiValidator validator = new OpenApiValidator(DOCUMENT);
        return validator.problems(json(value), validator.resolve("#/components/schemas/User"));
    }

    @Test
    void aFittingValuePasses() {
        assertEquals(List.of(), problems("""
                {"name": "ann", "age": 3, "nick": null, "realm": null, "role": "admin", "since": "2026-11-25T15:01:20Z",
                 "groups": [{"name": "staff"}], "tags": {"a": 1}}"""));
    }

    @Test
    void eachMismatchIsNamedAtItsPath() {
        assertEquals(List.of(
                "$: the required member 'name' is missing",
                "$.age: number 1.5 where the schema has [integer]",
                "$.role: \"root\" is not one of [\"admin\",\"viewer\"]",
                "$.since: 'yesterday' is not a date-time",
                "$.groups[0].name: number 7 where the schema has [string]",
                "$.tags.b: string \"x\" where the schema has [integer]",
                "$.extra: a member the schema does not describe"), problems("""
                {"age": 1.5, "role": "root", "since": "yesterday", "groups": [{"name": 7}], "tags": {"b": "x"},
                 "extra": true}"""));
    }

    @Test
    void nullPassesOnlyWhereTheSchemaAllowsIt() {
        assertEquals(List.of("$.name: null where the schema does not allow it", "$.age: -1 is below the minimum 0"),
                problems("{\"name\": null, \"age\": -1, \"groups\": [], \"nick\": null, \"realm\": null}"));
    }

    @Test
    void aKeywordItDoesNotCheckIsAProblemNotASilentPass() {
        OpenApiValidator validator = new OpenApiValidator(JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(List.of("$: the schema keyword 'not' is not checked here"),
                validator.problems(json("1"), (JsonObject) json("{\"not\": {\"type\": \"string\"}}")));
    }
}
