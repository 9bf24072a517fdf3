package org.tributary.source.file;

import org.tributary.media.MediaFormatException;
import org.tributary.media.mp3.Mp3File;
import org.tributary.media.mp4.Mp4File;
import org.tributary.source.MediaSource;
import org.tributary.source.UnsupportedMediaException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** Opens a media file as a {@link MediaSource}, choosing hinted, packetized or MP3 streaming. */
public final class FileSources {

    /** File name extensions Tributary streams. */
    public static final Set<String> EXTENSIONS = Set.of("mp4", "m4v", "m4a", "mov", "3gp", "3g2", "mp3");

    private FileSources() {
    }

    public static boolean isMediaFile(Path path) {
        return EXTENSIONS.contains(extension(path));
    }

    /**
     * @throws UnsupportedMediaException when the file is not a format Tributary streams, or is damaged
     * @throws IOException               when it cannot be read
     */
    public static MediaSource open(Path path) throws IOException, UnsupportedMediaException {
        String name = path.getFileName().toString();
        String ext = extension(path);
        if (!EXTENSIONS.contains(ext)) {
            throw new UnsupportedMediaException(name + ": ." + ext + " files are not streamable (supported: "
                    + String.join(", ", EXTENSIONS.stream().sorted().toList()) + ")");
        }
        FileBytes bytes = FileBytes.open(path);
        try {
            if (ext.equals("mp3")) {
                Mp3File mp3 = Mp3File.open(path);
                if (mp3.frameCount() == 0) {
                    throw new UnsupportedMediaException(name + " has no MPEG audio frames");
                }
                return new Mp3Source(name, mp3, bytes);
            }
            Mp4File mp4 = Mp4File.open(path);
            return HintedMp4Source.isHinted(mp4) ? new HintedMp4Source(name, mp4) : new Mp4PacketizedSource(name, mp4, bytes);
        } catch (MediaFormatException e) {
            bytes.close();
            throw new UnsupportedMediaException(name + " cannot be read: " + e.getMessage(), e);
        } catch (UnsupportedMediaException | IOException | RuntimeException e) {
            bytes.close();
            throw e;
        }
    }

    private static String extension(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
