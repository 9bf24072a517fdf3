package org.tributary.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real clients (ffmpeg, ffprobe, gst-launch) installed by scripts/install-tools.sh. */
public final class Tools {

    private Tools() {
    }

    /** What a finished command did. */
    public record Result(int exitCode, String stdout, String stderr, long millis) {
        public List<String> lines() {
            return stdout.lines().toList();
        }
    }

    /** Runs a command with a hard time limit; a command still running then is killed and fails the test. */
    public static Result run(int timeoutSeconds, String... command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command);
        Process process = builder.start();
        process.getOutputStream().close();
        StreamCollector out = new StreamCollector(process.getInputStream());
        StreamCollector err = new StreamCollector(process.getErrorStream());
        out.start();
        err.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutSeconds
                    + " s; stderr: " + err.text());
        }
        out.join();
        err.join();
        return new Result(process.exitValue(), out.text(), err.text(), (System.nanoTime() - start) / 1_000_000);
    }

    /** Frames decoded per stream index, from ffmpeg's framemd5 output. */
    public static int[] framesPerStream(Result framemd5) {
        int[] counts = new int[8];
        for (String line : framemd5.lines()) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int stream = Integer.parseInt(line.substring(0, line.indexOf(',')).trim());
            counts[stream]++;
        }
        return counts;
    }

    /** ffmpeg decoding everything from an RTSP URL, printing one framemd5 line per decoded frame. */
    public static List<String> ffmpegDecode(String transport, String url, String... extra) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error",
                "-rtsp_transport", transport));
        command.addAll(List.of(extra));
        command.addAll(List.of("-i", url, "-f", "framemd5", "-"));
        return command;
    }

    private static final class StreamCollector extends Thread {
        private final java.io.InputStream in;
        private final StringBuilder text = new StringBuilder();

        StreamCollector(java.io.InputStream in) {
            this.in = in;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    synchronized (text) {
                        text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }

        String text() {
            synchronized (text) {
                return text.toString();
            }
        }
    }
}
