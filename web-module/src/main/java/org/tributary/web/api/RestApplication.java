package org.tributary.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Serves the JSON API under {@code /api}. The server describes it at {@code /openapi} (MicroProfile
 * OpenAPI, generated from these resources); every call except {@code GET /api/status} needs a console
 * account over HTTP Basic.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "Tributary API", version = "0.1.0",
                description = "The streaming server's console API: status, statistics, sessions, media library, "
                        + "users, groups, access rules, broadcasters, channels, relays, cluster nodes, Darwin files, logs, settings, console accounts. "
                        + "Roles: viewer reads, operator also ends sessions, admin also changes. Errors are "
                        + "{\"status\": n, \"error\": \"...\"} with \"fields\" for per-field problems."),
        security = @SecurityRequirement(name = "console"))
@SecurityScheme(securitySchemeName = "console", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A console account (realm \"Tributary console\")")
public class RestApplication extends Application {
}
