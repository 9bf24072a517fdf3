package org.tributary.it.api;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.Tools;

import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logins from an LDAP directory (an in-memory UnboundID server loaded from ldap/it-directory.ldif on
 * 127.0.0.1:8389 + it.port.offset, or -Dit.ldap.port), turned on the product's way: the tributary.ldap.*
 * system properties set through the management API, as the CLI of docs/OPERATIONS.md does.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LdapIT {

    static final int LDAP_PORT = Integer.getInteger("it.ldap.port", 8389 + Integer.getInteger("it.port.offset", 0));
    static final String FOLDER = "it-ldap-video";
    static final String LOCAL_USER = "it-ldap-local";
    static final String LOCAL_PASSWORD = "local-pw-1";

    private static final Map<String, String> SETTINGS = Map.of(
            "url", "ldap://127.0.0.1:" + LDAP_PORT,
            "bind-dn", "uid=svc,ou=people,dc=example,dc=com",
            "bind-password", "svc-secret",
            "user-base", "ou=people,dc=example,dc=com",
            "group-base", "ou=groups,dc=example,dc=com",
            "admin-group", "tributary-admins");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    ManagementClient management;

    private InMemoryDirectoryServer directory;
    private long ruleId;

    @BeforeEach
    void startDirectoryAndTurnLdapOn() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
                InetAddress.getByName("127.0.0.1"), LDAP_PORT, null));
        config.setSchema(null);
        directory = new InMemoryDirectoryServer(config);
        directory.importFromLDIF(true, LdapIT.class.getResource("/ldap/it-directory.ldif").getPath());
        directory.startListening();
        for (Map.Entry<String, String> e : SETTINGS.entrySet()) {
            systemProperty("add", "tributary.ldap." + e.getKey(), e.getValue());
        }
        ConsoleApiIT.mediaFolder(FOLDER);
        HttpResponse<String> user = ConsoleApi.admin().postJson("/api/users",
                "{\"name\":\"" + LOCAL_USER + "\",\"password\":\"" + LOCAL_PASSWORD + "\"}");
        assertEquals(201, user.statusCode(), user.body());
        HttpResponse<String> rule = ConsoleApi.admin().postJson("/api/rules", "{\"path\":\"" + FOLDER
                + "\",\"scheme\":\"basic\",\"read\":{\"audience\":\"listed\",\"users\":[\"" + LOCAL_USER
                + "\"],\"groups\":[\"viewers\"]}}");
        assertEquals(201, rule.statusCode(), rule.body());
        ruleId = jakarta.json.Json.createReader(new java.io.StringReader(rule.body())).readObject()
                .getJsonNumber("id").longValue();
    }

    @AfterEach
    void turnLdapOffAndStopDirectory() throws Exception {
        ConsoleApi.admin().delete("/api/rules/" + ruleId);
        ConsoleApi.admin().delete("/api/users/" + LOCAL_USER);
        for (String name : SETTINGS.keySet()) {
            systemProperty("remove", "tributary.ldap." + name, null);
        }
        directory.shutDown(true);
    }

    @Test
    void aDirectoryAdminUsesTheApiAUserWithoutTheGroupGets403AndLocalAdminsStillWork() throws Exception {
        assertEquals(200, new ConsoleApi("alice", "alice-secret").get("/api/console-accounts").statusCode());
        assertEquals(403, new ConsoleApi("bob", "bob-secret").get("/api/console-accounts").statusCode());
        assertEquals(401, new ConsoleApi("alice", "wrong").get("/api/console-accounts").statusCode());
        assertEquals(200, ConsoleApi.admin().get("/api/console-accounts").statusCode());
        assertEquals(401, new ConsoleApi("admin", "directory-admin-pw").get("/api/console-accounts").statusCode(),
                "a directory entry named like a local account does not sign in as it");
    }

    @Test
    void ffprobePlaysAFolderOfAnLdapGroupWithBasicAWrongPasswordGets401AndALocalUserStillPlays() throws Exception {
        Tools.Result ok = ffprobe("bob", "bob-secret");
        assertEquals(0, ok.exitCode(), ok.stderr());
        assertTrue(ok.stdout().contains("codec_type"), ok.stdout());
        Tools.Result wrong = ffprobe("bob", "not-bobs");
        assertTrue(wrong.exitCode() != 0 && wrong.stderr().contains("401"), wrong.stderr());
        Tools.Result local = ffprobe(LOCAL_USER, LOCAL_PASSWORD);
        assertEquals(0, local.exitCode(), "a local user of the same rule: " + local.stderr());
    }

    @Test
    void whenTheDirectoryIsDownLocalAdminsStillLogIn() throws Exception {
        directory.shutDown(true);
        assertEquals(200, ConsoleApi.admin().get("/api/console-accounts").statusCode());
        assertEquals(401, new ConsoleApi("alice", "alice-secret").get("/api/console-accounts").statusCode());
    }

    private static Tools.Result ffprobe(String user, String password) throws Exception {
        String url = "rtsp://" + URLEncoder.encode(user, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "@127.0.0.1:" + Endpoints.RTSP_PORT + "/"
                + FOLDER + "/sample.mp4";
        return Tools.run(30, "ffprobe", "-hide_banner", "-loglevel", "error", "-rtsp_transport", "tcp",
                "-show_entries", "stream=codec_type", url);
    }

    private void systemProperty(String operation, String name, String value) throws Exception {
        ModelNode op = new ModelNode();
        op.get("operation").set(operation);
        op.get("address").add("system-property", name);
        if (value != null) {
            op.get("value").set(value);
        }
        ModelNode result = management.getControllerClient().execute(op);
        assertEquals("success", result.get("outcome").asString(), result.toString());
    }
}
