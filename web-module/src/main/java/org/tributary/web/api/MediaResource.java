package org.tributary.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tributary.api.MediaFileInfo;
import org.tributary.ejb.media.MediaLibraryService;
import org.tributary.api.MediaTrackInfo;

/**
 * {@code GET /api/media}: every file of the media folder with its tracks, duration, whether it is hinted,
 * whether it can be streamed (and why not), and the rtsp:// URL a player opens; {@code GET /api/media/{path}}
 * one of them. Viewers and up.
 */
@Path("media")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
@Tag(name = "media", description = "The media library as the streaming server sees it")
public class MediaResource {

    @EJB
    private MediaLibraryService library;

    @Context
    private UriInfo uri;

    @GET
    @Operation(summary = "Every file under the media folder, sorted by path")
    @APIResponse(responseCode = "200", description = "path, sizeBytes, modified, durationSeconds (null when unknown), "
            + "hinted, playable, problem (why not playable), tracks [{kind, codec, details}], rtspUrl")
    public JsonArray list() {
        JsonArrayBuilder out = Json.createArrayBuilder();
        library.entriesWithUrls(uri.getBaseUri().getHost()).forEach((entry, url) -> out.add(json(entry, url)));
        return out.build();
    }

    @GET
    @Path("{path: .+}")
    @Operation(summary = "One file, by its path under the media folder")
    @APIResponse(responseCode = "404", description = "no such file in the media folder")
    public JsonObject one(@PathParam("path") String path) {
        MediaFileInfo entry = library.entry(path);
        if (entry == null) {
            throw ApiException.notFound("media file '" + path + "'");
        }
        return json(entry, library.rtspUrl(entry, uri.getBaseUri().getHost()));
    }

    static JsonObject json(MediaFileInfo e, String rtspUrl) {
        JsonArrayBuilder tracks = Json.createArrayBuilder();
        for (MediaTrackInfo t : e.tracks()) {
            tracks.add(Json.createObjectBuilder().add("kind", t.kind()).add("codec", t.codec()).add("details", t.details()));
        }
        JsonObjectBuilder out = Json.createObjectBuilder()
                .add("path", e.path())
                .add("sizeBytes", e.sizeBytes());
        if (e.modified() != null) {
            out.add("modified", e.modified().toString());
        } else {
            out.addNull("modified");
        }
        if (Double.isNaN(e.durationSeconds()) || Double.isInfinite(e.durationSeconds())) {
            out.addNull("durationSeconds");
        } else {
            out.add("durationSeconds", Math.round(e.durationSeconds() * 1000) / 1000.0);
        }
        out.add("hinted", e.hinted()).add("playable", e.playable());
        if (e.problem() == null) {
            out.addNull("problem");
        } else {
            out.add("problem", e.problem());
        }
        return out.add("tracks", tracks).add("rtspUrl", rtspUrl).build();
    }
}
