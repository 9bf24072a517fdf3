package org.tributary.it.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Relays through /api/relays: a pull relay of an unreachable server (port 9 of the loop-back: refused) created,
 * seen failing and reconnecting within seconds, replaced keeping its password, listed and deleted; its password
 * is in no answer to anyone, its user only in the admin's; bad URLs, paths and transports are 400s naming the
 * field; a Darwin relayconfig.xml with a pull, a push and a udp_source relay imports two and names the line of
 * the third.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RelaysApiIT {

    private static final ConsoleApi ADMIN = ConsoleApi.admin();
    private static final ConsoleApi VIEWER = ConsoleApiIT.VIEWER;
    private static final String NOWHERE = "rtsp://127.0.0.1:9/nothing";
    private static final String SECRET = "it-relay-secret-" + UUID.randomUUID();
    private final List<String> created = new ArrayList<>();
    /** Every answer the test got: none may hold the password. */
    private final List<String> answers = new ArrayList<>();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeAll
    static void accounts() throws Exception {
        ConsoleApiIT.consoleAccounts();
    }

    @AfterEach
    void deleteRelays() throws Exception {
        for (String name : created) {
            ADMIN.delete("/api/relays/" + name);
        }
        for (String answer : answers) {
            assertFalse(answer.contains(SECRET), "an answer holds the password: " + answer);
        }
    }

    private String unique(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        created.add(name);
        return name;
    }

    private HttpResponse<String> seen(HttpResponse<String> response) {
        answers.add(response.body());
        return response;
    }

    private static JsonObject object(HttpResponse<String> response) {
        return ConsoleApiIT.object(response);
    }

    private static String pullBody(String path, String url, String password, int linger) {
        var body = Json.createObjectBuilder().add("direction", "pull").add("path", path).add("url", url)
                .add("user", "it-cam-user").add("transport", "tcp").add("onDemand", false).add("lingerSeconds", linger)
                .add("enabled", true);
        if (password != null) {
            body.add("password", password);
        }
        return body.build().toString();
    }

    @Test
    void aPullRelayIsCreatedFailsReconnectsIsReplacedListedAndDeleted() throws Exception {
        String name = unique("it-relay");
        String path = "it-relays/" + name + ".sdp";
        HttpResponse<String> put = seen(ADMIN.putJson("/api/relays/" + name, pullBody(path, NOWHERE, SECRET, 30)));
        assertEquals(201, put.statusCode(), put.body());
        JsonObject relay = object(put);
        assertEquals(name, relay.getString("name"));
        assertEquals("pull", relay.getString("direction"));
        assertEquals(path, relay.getString("path"));
        assertEquals(NOWHERE, relay.getString("url"));
        assertEquals("it-cam-user", relay.getString("user"));
        assertTrue(relay.getBoolean("hasPassword"), put.body());
        assertFalse(relay.containsKey("password"), put.body());
        assertEquals("always", relay.getString("mode"));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        JsonObject now;
        while (true) {
            now = object(seen(ADMIN.get("/api/relays/" + name)));
            if (now.get("lastError") instanceof JsonString) {
                break;
            }
            assertTrue(System.nanoTime() < deadline, "no lastError after 10 s: " + now);
            Thread.sleep(250);
        }
        assertTrue(List.of("backing off", "connecting").contains(now.getString("state")), now.toString());
        assertNotNull(now.getString("lastErrorAt"), now.toString());

        HttpResponse<String> replaced = seen(ADMIN.putJson("/api/relays/" + name, pullBody(path, NOWHERE, null, 45)));
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertEquals(45, object(replaced).getInt("lingerSeconds"));
        assertTrue(object(replaced).getBoolean("hasPassword"), "a left-out password keeps the stored one: " + replaced.body());
        HttpResponse<String> nullPassword = seen(ADMIN.putJson("/api/relays/" + name,
                pullBody(path, NOWHERE, null, 45).replace("}", ",\"password\":null}")));
        assertEquals(200, nullPassword.statusCode(), nullPassword.body());
        assertTrue(object(nullPassword).getBoolean("hasPassword"), "a null password keeps the stored one: " + nullPassword.body());

        HttpResponse<String> list = seen(ADMIN.get("/api/relays"));
        assertEquals(200, list.statusCode(), list.body());
        JsonObject listed = ConsoleApiIT.array(list).getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("name").equals(name)).findFirst().orElseThrow();
        assertEquals("it-cam-user", listed.getString("user"));
        assertFalse(listed.containsKey("password"));

        HttpResponse<String> viewerList = seen(VIEWER.get("/api/relays"));
        assertEquals(200, viewerList.statusCode(), viewerList.body());
        JsonObject viewerSees = ConsoleApiIT.array(viewerList).getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("name").equals(name)).findFirst().orElseThrow();
        assertEquals(JsonValue.NULL, viewerSees.get("user"), "a viewer does not see the user: " + viewerSees);
        assertTrue(viewerSees.getBoolean("hasPassword"));
        assertFalse(viewerList.body().contains("it-cam-user"), viewerList.body());
        HttpResponse<String> viewerOne = seen(VIEWER.get("/api/relays/" + name));
        assertEquals(200, viewerOne.statusCode());
        assertEquals(JsonValue.NULL, object(viewerOne).get("user"));
        assertEquals(403, seen(VIEWER.putJson("/api/relays/" + name, pullBody(path, NOWHERE, "x", 1))).statusCode());
        assertEquals(403, seen(VIEWER.delete("/api/relays/" + name)).statusCode());

        assertEquals(204, seen(ADMIN.delete("/api/relays/" + name)).statusCode());
        assertEquals(404, seen(ADMIN.get("/api/relays/" + name)).statusCode());
        assertEquals(404, seen(ADMIN.delete("/api/relays/" + name)).statusCode());
    }

    @Test
    void credentialsInTheUrlAPathOutsideTheMediaAndABadTransportAre400s() throws Exception {
        String name = unique("it-relay-bad");
        HttpResponse<String> credentials = seen(ADMIN.putJson("/api/relays/" + name,
                pullBody("it-relays/a.sdp", "rtsp://user:pw@host/x", SECRET, 30)));
        assertEquals(400, credentials.statusCode(), credentials.body());
        assertTrue(object(credentials).getJsonObject("fields").getString("url").contains("user and password fields"),
                credentials.body());

        HttpResponse<String> outside = seen(ADMIN.putJson("/api/relays/" + name, pullBody("../outside.sdp", NOWHERE, null, 30)));
        assertEquals(400, outside.statusCode(), outside.body());
        assertTrue(object(outside).getJsonObject("fields").containsKey("path"), outside.body());

        HttpResponse<String> transport = seen(ADMIN.putJson("/api/relays/" + name,
                pullBody("it-relays/a.sdp", NOWHERE, null, 30).replace("\"tcp\"", "\"sctp\"")));
        assertEquals(400, transport.statusCode(), transport.body());
        assertEquals("Choose tcp or udp.", object(transport).getJsonObject("fields").getString("transport"));

        assertEquals(404, seen(ADMIN.get("/api/relays/" + name)).statusCode(), "nothing was stored");
    }

    @Test
    void aDarwinRelayconfigImportsItsPullAndPushRelaysAndNamesTheLineOfTheRest() throws Exception {
        String pull = unique("it-imp-pull");
        String push = unique("it-imp-push");
        String udp = unique("it-imp-udp");
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <RELAY_CONFIG>
                <OBJECT TYPE="relay">
                <PREF NAME="name">%s</PREF>
                <OBJECT CLASS="source" TYPE="rtsp_source">
                <PREF NAME="source_addr">192.0.2.1</PREF>
                <PREF NAME="rtsp_port">9</PREF>
                <PREF NAME="url">/nothing</PREF>
                <PREF NAME="name">cam</PREF>
                <PREF NAME="password">%s</PREF>
                </OBJECT>
                <OBJECT CLASS="destination" TYPE="announced_destination">
                <PREF NAME="dest_addr">127.0.0.1</PREF>
                <PREF NAME="url">/it-relays/%s.sdp</PREF>
                </OBJECT>
                </OBJECT>
                <OBJECT TYPE="relay">
                <PREF NAME="name">%s</PREF>
                <OBJECT CLASS="source" TYPE="announced_source">
                <PREF NAME="url">/it-relays/%s.sdp</PREF>
                </OBJECT>
                <OBJECT CLASS="destination" TYPE="announced_destination">
                <PREF NAME="dest_addr">192.0.2.2</PREF>
                <PREF NAME="url">/ingest.sdp</PREF>
                </OBJECT>
                </OBJECT>
                <OBJECT TYPE="relay">
                <PREF NAME="name">%s</PREF>
                <OBJECT CLASS="source" TYPE="udp_source">
                <PREF NAME="source_addr">192.0.2.3</PREF>
                </OBJECT>
                </OBJECT>
                </RELAY_CONFIG>
                """.formatted(pull, SECRET, pull, push, push, udp);
        HttpResponse<String> imported = seen(ADMIN.post("/api/relays/import", "application/xml", xml));
        assertEquals(200, imported.statusCode(), imported.body());
        JsonObject result = object(imported);
        assertEquals(List.of(pull, push), result.getJsonArray("imported").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList(), imported.body());
        assertEquals(1, result.getJsonArray("problems").size(), imported.body());
        assertTrue(result.getJsonArray("problems").getString(0).startsWith("relayconfig.xml:29: relay '" + udp + "': a udp_source"),
                imported.body());

        JsonObject pulled = object(seen(ADMIN.get("/api/relays/" + pull)));
        assertEquals("pull", pulled.getString("direction"));
        assertEquals("rtsp://192.0.2.1:9/nothing", pulled.getString("url"));
        assertEquals("it-relays/" + pull + ".sdp", pulled.getString("path"));
        assertTrue(pulled.getBoolean("hasPassword"));
        JsonObject pushed = object(seen(ADMIN.get("/api/relays/" + push)));
        assertEquals("push", pushed.getString("direction"));
        assertEquals("rtsp://192.0.2.2/ingest.sdp", pushed.getString("url"));
        assertEquals(404, seen(ADMIN.get("/api/relays/" + udp)).statusCode());

        HttpResponse<String> again = seen(ADMIN.post("/api/relays/import", "text/plain", xml));
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(0, object(again).getJsonArray("imported").size(), "existing relays are not replaced: " + again.body());
        assertEquals(3, object(again).getJsonArray("problems").size(), again.body());
    }

    @Test
    void aDoctypeIsRefusedAndNothingIsImported() throws Exception {
        String name = unique("it-imp-xxe");
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE RELAY_CONFIG [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <RELAY_CONFIG><OBJECT TYPE="relay"><PREF NAME="name">%s</PREF></OBJECT></RELAY_CONFIG>
                """.formatted(name);
        HttpResponse<String> refused = seen(ADMIN.post("/api/relays/import", "application/xml", xml));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(object(refused).getJsonArray("problems").getString(0).startsWith("relayconfig.xml:2: a DOCTYPE is not allowed"),
                refused.body());
        assertFalse(refused.body().contains("root:"), refused.body());
        assertEquals(404, seen(ADMIN.get("/api/relays/" + name)).statusCode());
    }
}
