package org.tributary.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tributary.ejb.cluster.ClusterService;
import org.tributary.ejb.cluster.EndRequest;
import org.tributary.web.api.model.ApiError;
import org.tributary.web.api.model.ClusterBody;
import org.tributary.web.api.model.ClusterEndState;
import org.tributary.web.api.model.LiveSession;

import java.time.Duration;
import java.util.List;

/**
 * {@code /api/cluster}: the cluster nodes sharing this server's database (everyone reads them) and ending a session
 * on any alive node (admins). A session of another node is ended by a command that node runs at its next heartbeat:
 * the answer waits up to {@link #WAIT} for it, then says it is pending (202) with the command to look at later.
 */
@Path("cluster")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
@Tag(name = "cluster")
@APIResponse(responseCode = "default", description = "an error: 401, 403 the role may not, 404 no such node, session or command, 409 the node is not alive or the session is an HLS viewing, 503",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
public class ClusterResource {

    /** How long a DELETE waits for another node to end its session. */
    static final Duration WAIT = Duration.ofSeconds(5);

    @EJB
    private ClusterService cluster;

    @Context
    private SecurityContext caller;

    @GET
    @Operation(summary = "The cluster: every node (alive or not) with its role, RTSP address, load and live paths, and the totals of the alive ones")
    @APIResponse(responseCode = "200", description = "the cluster; \"clustered\": false with no nodes when this server is not a cluster node",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClusterBody.class)))
    public ClusterBody cluster() {
        return ClusterBody.of(cluster.clustered(), cluster.self(), cluster.nodes());
    }

    @GET
    @Path("nodes/{node}/sessions")
    @Operation(summary = "A node's live sessions: this node's now, another's as of its last heartbeat (its newest 500)")
    @APIResponse(responseCode = "200", description = "the sessions, as GET /api/sessions has them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = LiveSession.class)))
    public List<LiveSession> sessions(@PathParam("node") String node) {
        return cluster.sessions(node).stream().map(LiveSession::of).toList();
    }

    @DELETE
    @Path("nodes/{node}/sessions/{id}")
    @RolesAllowed("admin")
    @Operation(summary = "End a session of a node: this node's at once, another alive node's at its next heartbeat (waits up to 5 s) (admin)")
    @APIResponse(responseCode = "200", description = "ended",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClusterEndState.class)))
    @APIResponse(responseCode = "202", description = "pending: the node has not run the command yet; see GET /api/cluster/commands/{command}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClusterEndState.class)))
    @APIResponse(responseCode = "404", description = "no such session (\"state\": \"no such session\"), or no such node",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response end(@PathParam("node") String node, @PathParam("id") String id) {
        if (id.startsWith("HLS-")) {
            throw SessionsResource.hlsNotEnded();
        }
        EndRequest request = cluster.endSession(node, id, caller.getUserPrincipal().getName());
        return answer(cluster.await(request, WAIT));
    }

    @GET
    @Path("commands/{id}")
    @Operation(summary = "Where a command left for another node stands (commands are forgotten after an hour)")
    @APIResponse(responseCode = "200", description = "ended or pending",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClusterEndState.class)))
    @APIResponse(responseCode = "404", description = "the node found no such session (\"state\": \"no such session\"), or no such command",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response command(@PathParam("id") long id) {
        return answer(cluster.command(id));
    }

    /** 200 ended, 202 pending, with a body that says it; no such session is a 404 error with its "state". */
    private static Response answer(EndRequest request) {
        if (request.state() == EndRequest.State.NO_SUCH_SESSION) {
            throw noSuchSession(request);
        }
        return Response.status(request.pending() ? 202 : 200).type(MediaType.APPLICATION_JSON)
                .entity(ClusterEndState.of(request)).build();
    }

    static ApiException noSuchSession(EndRequest request) {
        return new ApiException(404, request.describe(),
                Json.createObjectBuilder().add("state", request.state().label()).build());
    }
}
