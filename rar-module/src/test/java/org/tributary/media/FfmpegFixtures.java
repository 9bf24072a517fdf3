package org.tributary.media;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Generates real media files with the ffmpeg binary, when one is on the PATH. */
public final class FfmpegFixtures {
    private FfmpegFixtures() {
    }

    public static boolean available() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "ffmpeg"))) {
                return true;
            }
        }
        return false;
    }

    /** 3 s of 320x240 25 fps H.264 (GOP 25) plus 48 kHz AAC, with {@code extra} output options. */
    public static Path avFile(Path dir, String name, String... extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", "3", "-c:v", "libx264", "-g", "25", "-c:a", "aac", "-b:a", "64k"));
        cmd.addAll(List.of(extra));
        return run(dir.resolve(name), cmd);
    }

    /** 3 s of 48 kHz mono MP3 from a sine. */
    public static Path mp3File(Path dir, String name) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "3", "-c:a", "libmp3lame"));
        return run(dir.resolve(name), cmd);
    }

    private static Path run(Path out, List<String> cmd) throws IOException, InterruptedException {
        cmd.add(out.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("ffmpeg timed out: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new IOException("ffmpeg failed (" + p.exitValue() + "): " + cmd + "\n"
                    + Files.readString(out.resolveSibling(out.getFileName() + ".log")));
        }
        return out;
    }
}
