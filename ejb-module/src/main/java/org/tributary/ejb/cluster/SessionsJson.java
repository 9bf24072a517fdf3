package org.tributary.ejb.cluster;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.tributary.api.SessionInfo;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A node's live sessions as it stores them in its {@code cluster_node} row for the other nodes' consoles: a JSON
 * array of every {@link SessionInfo} field, the newest {@link #MAX_SESSIONS} first, within {@link #MAX_CHARS}.
 */
final class SessionsJson {

    static final int MAX_SESSIONS = 500;
    static final int MAX_CHARS = ClusterNodeRecord.SESSIONS_LENGTH;

    private SessionsJson() {
    }

    /** The newest sessions (at most {@link #MAX_SESSIONS}, and as many as fit in {@link #MAX_CHARS}) as JSON. */
    static String write(List<SessionInfo> sessions) {
        List<SessionInfo> newest = sessions.stream()
                .sorted(Comparator.comparing(SessionInfo::startedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .reversed())
                .limit(MAX_SESSIONS).toList();
        JsonArrayBuilder array = Json.createArrayBuilder();
        int chars = 2;
        for (SessionInfo s : newest) {
            JsonObject one = object(s);
            int length = one.toString().length() + 1;
            if (chars + length > MAX_CHARS) {
                break;
            }
            chars += length;
            array.add(one);
        }
        return array.build().toString();
    }

    /** The sessions of {@link #write}'s JSON; empty for null or blank text. */
    static List<SessionInfo> read(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        JsonArray array;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            array = reader.readArray();
        }
        List<SessionInfo> out = new ArrayList<>(array.size());
        for (JsonObject o : array.getValuesAs(JsonObject.class)) {
            out.add(new SessionInfo(text(o, "id"), text(o, "clientAddress"), text(o, "path"), text(o, "transport"),
                    text(o, "state"), text(o, "userAgent"), instant(o, "startedAt"), number(o, "bytesSent"),
                    number(o, "packetsSent"), number(o, "packetsLost"), decimal(o, "jitterMillis"),
                    number(o, "receiverReports"), text(o, "userName"), number(o, "bitsPerSecond"),
                    number(o, "rtxRequested"), number(o, "rtxSent"), number(o, "rtxTooLate"),
                    number(o, "thinnedFrames"), number(o, "thinningChanges")));
        }
        return out;
    }

    private static JsonObject object(SessionInfo s) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        text(o, "id", s.id());
        text(o, "clientAddress", s.clientAddress());
        text(o, "path", s.path());
        text(o, "transport", s.transport());
        text(o, "state", s.state());
        text(o, "userAgent", s.userAgent());
        text(o, "startedAt", s.startedAt() == null ? null : s.startedAt().toString());
        o.add("bytesSent", s.bytesSent());
        o.add("packetsSent", s.packetsSent());
        o.add("packetsLost", s.packetsLost());
        o.add("jitterMillis", Double.isFinite(s.jitterMillis()) ? s.jitterMillis() : 0);
        o.add("receiverReports", s.receiverReports());
        text(o, "userName", s.userName());
        o.add("bitsPerSecond", s.bitsPerSecond());
        o.add("rtxRequested", s.rtxRequested());
        o.add("rtxSent", s.rtxSent());
        o.add("rtxTooLate", s.rtxTooLate());
        o.add("thinnedFrames", s.thinnedFrames());
        o.add("thinningChanges", s.thinningChanges());
        return o.build();
    }

    private static void text(JsonObjectBuilder o, String name, String value) {
        if (value == null) {
            o.addNull(name);
        } else {
            o.add(name, value);
        }
    }

    private static String text(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s ? s.getString() : null;
    }

    private static Instant instant(JsonObject o, String name) {
        String text = text(o, name);
        return text == null ? null : Instant.parse(text);
    }

    private static long number(JsonObject o, String name) {
        return o.get(name) instanceof JsonNumber n ? n.longValue() : 0;
    }

    private static double decimal(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v instanceof JsonNumber n ? n.doubleValue() : 0;
    }
}
