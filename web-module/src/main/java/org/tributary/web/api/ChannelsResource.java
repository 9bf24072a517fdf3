package org.tributary.web.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.tributary.api.playlist.PlaylistSyntaxException;
import org.tributary.ejb.channels.ChannelFields;
import org.tributary.ejb.channels.ChannelResult;
import org.tributary.ejb.channels.ChannelService;
import org.tributary.ejb.channels.ChannelSpec;
import org.tributary.ejb.channels.DarwinChannelFiles;
import org.tributary.web.api.model.ApiError;
import org.tributary.web.api.model.Channel;
import org.tributary.web.api.model.ChannelImportBody;
import org.tributary.web.api.model.ChannelInput;
import org.tributary.web.api.model.ChannelItems;
import org.tributary.web.api.model.ImportedChannel;
import org.tributary.web.api.model.NowPlaying;

import java.net.URI;
import java.util.List;

/**
 * {@code /api/channels}: playlists the server plays as live streams or radio stations (Darwin's Playlist and
 * MP3 Broadcasters). Everyone reads them; operators start, stop and skip them and insert items; admins
 * create, change, delete and import them. A start (or a change of a running channel) the server refuses is
 * a 400 with {@code "problems"}, one line per file naming what does not fit; a Darwin file's bad lines are
 * {@code "problems"} as {@code file:line: message}.
 */
@Path("channels")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
@Tag(name = "channels")
@APIResponse(responseCode = "default", description = "an error: 400 a bad value or a refused start (problems), 401, 403 the role may not, 404, 409, 415, 503",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class ChannelsResource {

    @EJB
    private ChannelService channels;

    @GET
    @Operation(summary = "The channels: definition, running, state, now playing, up next, audience")
    @APIResponse(responseCode = "200", description = "the channels, by name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Channel.class)))
    public List<Channel> list() {
        return channels.list().stream().map(Channel::of).toList();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One channel")
    @APIResponse(responseCode = "200", description = "the channel",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Channel.class)))
    public Channel get(@PathParam("name") String name) {
        return Channel.of(channels.find(name).orElseThrow(() -> ApiException.notFound("channel '" + name + "'")));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Create a channel, stopped (admin)")
    @RequestBody(description = "the definition", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelInput.class)))
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Channel.class)))
    public Response create(String body) {
        ChannelSpec spec = ChannelJson.spec(JsonBody.parse(body), null);
        return Response.created(URI.create("channels/" + spec.name())).entity(Channel.of(channels.create(spec))).build();
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Change a channel; a running one restarts with it, unless the server refuses it (admin)")
    @RequestBody(description = "the new definition", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelInput.class)))
    @APIResponse(responseCode = "200", description = "the changed channel",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Channel.class)))
    public Channel update(@PathParam("name") String name, String body) {
        ChannelSpec spec = ChannelJson.spec(JsonBody.parse(body), name);
        return accepted(channels.update(name, spec), "channel '" + name + "' was not changed");
    }

    @DELETE
    @Path("{name}")
    @RolesAllowed("admin")
    @Operation(summary = "Delete a channel, stopping it first (admin)")
    @APIResponse(responseCode = "204", description = "done")
    public Response delete(@PathParam("name") String name) {
        if (!channels.delete(name)) {
            throw ApiException.notFound("channel '" + name + "'");
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{name}/start")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    @Operation(summary = "Start a channel (restart a running one); it starts again with the server until stopped (operator)")
    @APIResponse(responseCode = "200", description = "the channel now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Channel.class)))
    public Channel start(@PathParam("name") String name) {
        return accepted(channels.start(name), "channel '" + name + "' was not started");
    }

    @POST
    @Path("{name}/stop")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    @Operation(summary = "Stop a channel: its viewers or listeners are ended (operator)")
    @APIResponse(responseCode = "200", description = "the channel now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Channel.class)))
    public Channel stop(@PathParam("name") String name) {
        return Channel.of(channels.stop(name));
    }

    @POST
    @Path("{name}/skip")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    @Operation(summary = "End the item playing now; the next starts at once (operator; 409 when not running)")
    @APIResponse(responseCode = "200", description = "the channel now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Channel.class)))
    public Channel skip(@PathParam("name") String name) {
        return Channel.of(channels.skip(name));
    }

    @POST
    @Path("{name}/insert")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    @Operation(summary = "Play items next, once, ahead of the list (operator; 409 when not running)")
    @RequestBody(description = "the items", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelItems.class)))
    @APIResponse(responseCode = "200", description = "the channel now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Channel.class)))
    public Channel insert(@PathParam("name") String name, String body) {
        List<ChannelSpec.Item> items = ChannelJson.itemsOnly(JsonBody.parse(body));
        return accepted(channels.insert(name, items), "the items were not inserted into channel '" + name + "'");
    }

    @PUT
    @Path("{name}/items")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Replace a channel's items; a running one plays from them after the current item (admin)")
    @RequestBody(description = "the new items", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelItems.class)))
    @APIResponse(responseCode = "200", description = "the channel now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Channel.class)))
    public Channel replaceItems(@PathParam("name") String name, String body) {
        List<ChannelSpec.Item> items = ChannelJson.itemsOnly(JsonBody.parse(body));
        return accepted(channels.replaceItems(name, items), "the items of channel '" + name + "' were not replaced");
    }

    @GET
    @Path("{name}/log")
    @Operation(summary = "The items the channel started most recently, oldest first (empty when not running)")
    @APIResponse(responseCode = "200", description = "the play log",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = NowPlaying.class)))
    public List<NowPlaying> log(@PathParam("name") String name) {
        return channels.find(name).orElseThrow(() -> ApiException.notFound("channel '" + name + "'"))
                .playLog().stream().map(NowPlaying::of).toList();
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Make a stopped channel of a Darwin *PLAY-LIST* (with its includes) and .config (admin)")
    @RequestBody(description = "the files' texts", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelImportBody.class)))
    @APIResponse(responseCode = "201", description = "created, with the config's warnings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportedChannel.class)))
    public Response importDarwin(String body) {
        JsonBody in = JsonBody.parse(body);
        String name = in.string("name", true);
        DarwinChannelFiles.ImportRequest request = new DarwinChannelFiles.ImportRequest(name, in.string("mount", false),
                ChannelJson.kind(in, "kind", false), in.string("mediaFolder", false), in.string("playlist", true),
                in.string("playlistFileName", false), in.string("config", false), in.string("configFileName", false),
                in.stringMap("includes"));
        in.check();
        DarwinChannelFiles.Imported imported;
        try {
            imported = channels.readDarwin(request);
        } catch (PlaylistSyntaxException e) {
            throw problems(400, e.errors().size() + " problem(s) in the files; nothing was stored", e.errors());
        }
        ChannelFields.problems(imported.spec()).forEach(in::problem);
        in.check();
        Channel channel = Channel.of(channels.create(imported.spec()));
        return Response.created(URI.create("channels/" + name)).entity(ImportedChannel.of(channel, imported.warnings()))
                .build();
    }

    @GET
    @Path("{name}/export/playlist")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The channel's items as a Darwin *PLAY-LIST* file")
    @APIResponse(responseCode = "200", description = "the file",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    public String exportPlaylist(@PathParam("name") String name) {
        return DarwinChannelFiles.playlist(definition(name));
    }

    @GET
    @Path("{name}/export/config")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The channel's settings as a Darwin PlaylistBroadcaster (stream) or MP3Broadcaster (radio) .config")
    @APIResponse(responseCode = "200", description = "the file",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    public String exportConfig(@PathParam("name") String name) {
        return DarwinChannelFiles.config(definition(name));
    }

    private ChannelSpec definition(String name) {
        return channels.definition(name).orElseThrow(() -> ApiException.notFound("channel '" + name + "'"));
    }

    /** The channel after an accepted change; a refusal is a 400 with the server's problems. */
    private static Channel accepted(ChannelResult result, String refused) {
        if (!result.accepted()) {
            throw problems(400, refused + ": " + result.problems().get(0)
                    + (result.problems().size() > 1 ? " (and " + (result.problems().size() - 1) + " more)" : ""),
                    result.problems());
        }
        return Channel.of(result.channel());
    }

    private static ApiException problems(int status, String message, List<String> lines) {
        JsonArrayBuilder problems = Json.createArrayBuilder();
        lines.forEach(problems::add);
        return new ApiException(status, message, Json.createObjectBuilder().add("problems", problems).build());
    }
}
