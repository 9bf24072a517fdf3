package org.tributary.it.interop;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.Tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GStreamer's rtspsrc plays a clip to the end and decodes every video frame. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GstreamerInteropIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"udp", "tcp"})
    void gstreamerPlaysTheClipToTheEnd(String protocol) throws Exception {
        // identity prints one "chain" line per decoded video frame; EOS ends the pipeline with exit 0.
        Tools.Result r = Tools.run(60, "gst-launch-1.0", "-v", "-e", "rtspsrc",
                "location=" + Endpoints.RTSP + "sample.mp4", "protocols=" + protocol, "!",
                "rtph264depay", "!", "avdec_h264", "!", "identity", "silent=false", "!", "fakesink", "sync=false");
        assertEquals(0, r.exitCode(), r.stderr() + r.stdout());
        assertTrue(r.stdout().contains("EOS") || r.stdout().contains("Got EOS"), "pipeline did not end with EOS");
        long frames = r.stdout().lines().filter(l -> l.contains("identity") && l.contains("chain")).count();
        assertTrue(frames >= 238, protocol + ": GStreamer decoded " + frames + " of 250 frames");
    }
}
