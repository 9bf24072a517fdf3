package org.tributary.web.api;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.tributary.api.SessionInfo;
import org.tributary.ejb.adapter.AdapterClient;

/** {@code GET /api/sessions}: the RTSP sessions alive now. */
@Path("sessions")
public class SessionsResource {

    @EJB
    private AdapterClient adapter;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonArray sessions() {
        try {
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (SessionInfo s : adapter.sessions()) {
                list.add(Json.createObjectBuilder()
                        .add("id", s.id())
                        .add("clientAddress", s.clientAddress())
                        .add("path", s.path())
                        .add("transport", s.transport())
                        .add("state", s.state())
                        .add("userAgent", s.userAgent() == null ? "" : s.userAgent())
                        .add("startedAt", s.startedAt().toString())
                        .add("bytesSent", s.bytesSent())
                        .add("packetsSent", s.packetsSent())
                        .add("packetsLost", s.packetsLost())
                        .add("jitterMillis", s.jitterMillis())
                        .add("receiverReports", s.receiverReports()));
            }
            return list.build();
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new ApiException(503, e.getMessage());
        }
    }
}
