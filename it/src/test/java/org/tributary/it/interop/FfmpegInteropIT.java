package org.tributary.it.interop;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.Tools;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ffprobe and ffmpeg, as users run them, against the sample media. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FfmpegInteropIT {

    static final String BASE = Endpoints.RTSP;
    /** sample.mp4: 10 s at 25 fps. */
    static final int VIDEO_FRAMES = 250;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "sample.mp4,        h264,  aac",
            "sample.mov,        h264,  aac",
            "sample-hinted.mp4, h264,  aac",
            "sample-hinted.mov, h264,  aac",
            "sample.3gp,        mpeg4, amr_nb",
            "sample-hevc.mp4,   hevc,  aac",
            "sample.mp3,        ,      mp3"})
    void ffprobeReportsCodecsAndDuration(String file, String video, String audio) throws Exception {
        Tools.Result r = Tools.run(30, "ffprobe", "-hide_banner", "-loglevel", "error", "-show_entries",
                "format=duration:stream=codec_type,codec_name", "-of", "csv=p=0", BASE + file);
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> lines = r.lines();
        if (video != null) {
            assertTrue(lines.contains(video + ",video"), file + ": " + lines);
        }
        assertTrue(lines.contains(audio + ",audio"), file + ": " + lines);
        double duration = Double.parseDouble(lines.get(lines.size() - 1));
        assertEquals(10.0, duration, 0.1, file + " duration");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"udp", "tcp", "http"})
    void ffmpegDecodesTheWholeClip(String transport) throws Exception {
        Tools.Result r = Tools.run(40, Tools.ffmpegDecode(transport, BASE + "sample.mp4").toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        int[] frames = Tools.framesPerStream(r);
        assertTrue(frames[0] >= VIDEO_FRAMES * 95 / 100, transport + ": " + frames[0] + " of " + VIDEO_FRAMES
                + " video frames decoded; " + r.stderr());
        assertTrue(frames[1] >= 440, transport + ": " + frames[1] + " audio frames decoded");
        assertTrue(r.millis() >= 9_000, "frames are paced in real time, not burst: took " + r.millis() + " ms");
    }

    @Test
    void theTunnelPortCarriesRtspOverHttp() throws Exception {
        String url = "rtsp://127.0.0.1:" + Endpoints.TUNNEL_PORT + "/sample.mp4";
        Tools.Result r = Tools.run(40, Tools.ffmpegDecode("http", url).toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        int decoded = Tools.framesPerStream(r)[0];
        assertTrue(decoded >= VIDEO_FRAMES * 95 / 100, "over the tunnel port: " + decoded + " frames");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sample-hevc.mp4", "sample.3gp", "sample-hinted.mov"})
    void otherCodecsAndHintedFilesDecodeCompletely(String file) throws Exception {
        Tools.Result r = Tools.run(40, Tools.ffmpegDecode("udp", BASE + file, "-max_delay", "500000").toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        int expected = file.endsWith(".3gp") ? 150 : VIDEO_FRAMES;
        int decoded = Tools.framesPerStream(r)[0];
        assertTrue(decoded >= expected * 95 / 100, file + ": " + decoded + " of " + expected + " video frames");
    }

    @Test
    void seekingStartsAtTheKeyFrameBeforeTheRequestedTime() throws Exception {
        // long.mp4: 30 s, a key frame every second. ffmpeg asks PLAY Range: npt=20.000-.
        Tools.Result r = Tools.run(40, "ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-ss", "20",
                "-rtsp_transport", "tcp", "-i", BASE + "long.mp4", "-copyts", "-map", "0:v",
                "-f", "framemd5", "-");
        assertEquals(0, r.exitCode(), r.stderr());
        String first = r.lines().stream().filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
        long pts = Long.parseLong(first.split(",")[1].trim());
        double seconds = pts / 25.0;
        assertTrue(seconds >= 19.0 && seconds <= 20.05, "first decoded frame at " + seconds + " s");
        assertTrue(r.millis() < 16_000, "the server started at 20 s, not at 0: took " + r.millis() + " ms");
    }

    @Test
    void audioAndVideoStayInSyncAfterASeek() throws Exception {
        // ffprobe seeks (PLAY Range: npt=12-) and prints every packet's presentation time per stream.
        // Interleaved TCP: a key frame lost over UDP on a loaded machine would move the first video packet
        // and make the test about the network instead of the server's timeline.
        Tools.Result r = Tools.run(40, "ffprobe", "-hide_banner", "-loglevel", "error", "-rtsp_transport", "tcp",
                "-read_intervals", "12%+3", "-show_entries", "packet=stream_index,pts_time", "-of", "csv=p=0",
                BASE + "long.mp4");
        assertEquals(0, r.exitCode(), r.stderr());
        double[] first = {-1, -1};
        for (String line : r.lines()) {
            String[] fields = line.split(",");
            if (fields.length < 2 || fields[1].equals("N/A")) {
                continue;
            }
            int stream = Integer.parseInt(fields[0].trim());
            if (stream < 2 && first[stream] < 0) {
                first[stream] = Double.parseDouble(fields[1]);
            }
        }
        assertTrue(first[0] >= 11.0 && first[0] <= 12.3, "video starts at the key frame before 12 s: " + first[0]);
        assertTrue(first[1] >= 11.0 && first[1] <= 12.3, "audio starts there too: " + first[1]);
        assertEquals(first[0], first[1], 0.25, "audio and video start together on one timeline");
    }

    @Test
    void fiftyClientsAtOnceAllDecodeTheirFrames() throws Exception {
        int clients = 50;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Tools.Result>> runs = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String transport = i % 2 == 0 ? "udp" : "tcp";
                runs.add(pool.submit(() -> Tools.run(90, "ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error",
                        "-rtsp_transport", transport, "-i", BASE + "tiny.mp4", "-map", "0:v", "-f", "framemd5", "-")));
            }
            int worst = Integer.MAX_VALUE;
            for (Future<Tools.Result> run : runs) {
                Tools.Result r = run.get();
                assertEquals(0, r.exitCode(), r.stderr());
                worst = Math.min(worst, Tools.framesPerStream(r)[0]);
            }
            assertTrue(worst >= VIDEO_FRAMES * 95 / 100, "the worst of " + clients + " clients decoded " + worst
                    + " of " + VIDEO_FRAMES + " frames");
        } finally {
            pool.shutdownNow();
        }
    }
}
