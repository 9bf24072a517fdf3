package org.tributary.web.api;

import org.tributary.api.access.MediaPaths;
import org.tributary.web.api.model.HlsTokenRequest;
import org.tributary.web.api.model.HlsTokenBody;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tributary.web.api.model.ApiError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tributary.api.HlsToken;
import org.tributary.ejb.adapter.AdapterClient;


/**
 * {@code POST /api/hls/tokens} with {@code {"path": "movies/a.mp4", "seconds": 3600}}: a signed token that
 * lets a browser play that file over HLS without credentials until it expires, and the playlist URL that
 * carries it (operators and admins: a portal or the console mints them for its users).
 */
@Path("hls/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
@Tag(name = "hls")
@APIResponse(responseCode = "default", description = "an error: 400 a bad value, 401, 403 the role may not, 404, 409, 415, 503",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class HlsTokensResource {

    static final long DEFAULT_SECONDS = 3600;

    @EJB
    private AdapterClient adapter;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mint an HLS token for one file: path, token, expiresAt and the playlist url (operator)")
    @RequestBody(description = "the file and the lifetime", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HlsTokenRequest.class)))
    @APIResponse(responseCode = "200", description = "the token and the playlist url",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HlsTokenBody.class)))
    public HlsTokenBody mint(JsonObject body, @Context UriInfo uri) {
        if (body == null || !(body.get("path") instanceof JsonString path) || path.getString().isBlank()) {
            throw new ApiException(400, "the body needs \"path\": the file's path in the media folder");
        }
        JsonValue seconds = body.get("seconds");
        if (seconds != null && !(seconds instanceof JsonNumber n && n.isIntegral())) {
            throw new ApiException(400, "\"seconds\" must be a whole number of seconds");
        }
        long lifetime = seconds == null ? DEFAULT_SECONDS : ((JsonNumber) seconds).longValue();
        HlsToken token;
        try {
            token = adapter.mintHlsToken(path.getString(), lifetime);
        } catch (AdapterClient.HlsTokenRefusedException e) {
            throw new ApiException(400, e.getMessage());
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new ApiException(503, e.getMessage());
        }
        String base = uri.getBaseUri().getPath().replaceFirst("/api/?$", "");
        return new HlsTokenBody(token.path(), token.token(), token.expiresAt().toString(),
                base + "/hls/" + MediaPaths.urlPath(token.path()) + "/index.m3u8?token="
                        + MediaPaths.urlComponent(token.token()));
    }
}
