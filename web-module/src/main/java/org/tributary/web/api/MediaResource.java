package org.tributary.web.api;

import org.tributary.web.api.model.MediaFile;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.tributary.web.api.model.ApiError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
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

import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/media}: every file of the media folder with its tracks, duration, whether it is hinted,
 * whether it can be streamed (and why not), and the rtsp:// URL a player opens; {@code GET /api/media/{path}}
 * one of them. Viewers and up.
 */
@Path("media")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
@Tag(name = "media", description = "The media library as the streaming server sees it")
@APIResponse(responseCode = "default", description = "an error: 400 a bad value, 401, 403 the role may not, 404, 409, 415, 503",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class MediaResource {

    @EJB
    private MediaLibraryService library;

    @Context
    private UriInfo uri;

    @GET
    @Operation(summary = "Every file under the media folder, sorted by path")
    @APIResponse(responseCode = "200", description = "the files",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = MediaFile.class)))
    public List<MediaFile> list() {
        List<MediaFile> out = new ArrayList<>();
        library.entriesWithUrls(uri.getBaseUri().getHost()).forEach((entry, url) -> out.add(MediaFile.of(entry, url)));
        return out;
    }

    @GET
    @Path("{path: .+}")
    @Operation(summary = "One file, by its path under the media folder")
    @APIResponse(responseCode = "200", description = "the file",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaFile.class)))
    @APIResponse(responseCode = "404", description = "no such file in the media folder",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public MediaFile one(@PathParam("path") String path) {
        MediaFileInfo entry = library.entry(path);
        if (entry == null) {
            throw ApiException.notFound("media file '" + path + "'");
        }
        return MediaFile.of(entry, library.rtspUrl(entry, uri.getBaseUri().getHost()));
    }
}
