package org.tributary.web.api;

import org.junit.jupiter.api.Test;
import org.tributary.rtsp.header.AuthScheme;
import org.tributary.ejb.access.Audience;
import org.tributary.ejb.access.RuleSpec;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code /api/rules} reads the JSON's shape itself and leaves the rule's fields to the access service's rules. */
class RuleJsonTest {

    @Test
    void aRuleIsReadFromItsJson() {
        RuleSpec spec = RuleJson.spec(JsonBody.parse("""
                {"path": "private", "scheme": "digest", "read": {"audience": "listed", "users": ["ann"]},
                 "allowFrom": ["10.0.0.0/8"]}"""));
        assertEquals("private", spec.pathPrefix());
        assertEquals(AuthScheme.DIGEST, spec.scheme());
        assertEquals(Audience.LISTED, spec.read().getAudience());
        assertEquals(List.of("ann"), spec.read().getUsers());
        assertEquals(Audience.NOBODY, spec.write().getAudience());
        assertEquals(List.of("10.0.0.0/8"), spec.allowFrom());
    }

    @Test
    void shapeAndFieldProblemsComeBackTogetherUnderTheApisNames() {
        ApiException e = assertThrows(ApiException.class, () -> RuleJson.spec(JsonBody.parse("""
                {"path": "../etc", "scheme": 3, "read": {"audience": "listed"}, "denyFrom": ["x"]}""")));
        assertEquals(400, e.status());
        var fields = e.details().getJsonObject("fields");
        assertEquals(List.of("scheme", "path", "read.users", "denyFrom"), List.copyOf(fields.keySet()));
        assertEquals("must be a string", fields.getString("scheme"));
        assertEquals("a listed audience names at least one user or group", fields.getString("read.users"));
        assertEquals("'x' is not an address block like 10.0.0.0/8", fields.getString("denyFrom"));
    }
}
