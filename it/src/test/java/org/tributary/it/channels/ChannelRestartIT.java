package org.tributary.it.channels;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.Tools;

import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A channel that was running when the server went down plays again after it comes back (the database says it was
 * running; the adapter forgot it), and one that was stopped stays stopped.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChannelRestartIT {

    private static final String EAR = "ear";

    @Deployment(name = EAR, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void aRunningChannelIsStartedAgainAfterARedeployAndAStoppedOneIsNot() throws Exception {
        ConsoleApi admin = ConsoleApi.admin();
        deployer.deploy(EAR);
        try {
            for (String name : new String[] {"it-restart-on", "it-restart-off"}) {
                admin.delete("/api/channels/" + name);
                HttpResponse<String> created = admin.postJson("/api/channels", ChannelPlaybackIT.definition(name,
                        "it-channels/" + name + ".sdp", "channels/one.mp4", "channels/two.mp4"));
                assertEquals(201, created.statusCode(), created.body());
            }
            assertEquals(200, admin.postJson("/api/channels/it-restart-on/start", "{}").statusCode());

            deployer.undeploy(EAR);
            deployer.deploy(EAR);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            String state;
            while (!(state = ChannelPlaybackIT.channel("it-restart-on").getString("state")).equals("playing")) {
                assertTrue(System.nanoTime() < deadline, "the channel is " + state + " after the redeploy");
                Thread.sleep(250);
            }
            assertEquals("stopped", ChannelPlaybackIT.channel("it-restart-off").getString("state"));
            Tools.Result probe = Tools.run(30, "ffprobe", "-hide_banner", "-loglevel", "error", "-show_entries",
                    "stream=codec_name", "-of", "csv=p=0", Endpoints.RTSP + "it-channels/it-restart-on.sdp");
            assertEquals(0, probe.exitCode(), probe.stderr());
            assertTrue(probe.stdout().contains("h264") && probe.stdout().contains("aac"), probe.stdout());
        } finally {
            admin.delete("/api/channels/it-restart-on");
            admin.delete("/api/channels/it-restart-off");
            deployer.undeploy(EAR);
        }
    }
}
