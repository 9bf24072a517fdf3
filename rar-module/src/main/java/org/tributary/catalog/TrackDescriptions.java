package org.tributary.catalog;

import org.tributary.api.MediaTrackInfo;
import org.tributary.media.mp3.Mp3File;
import org.tributary.media.mp4.Mp4Track;
import org.tributary.media.mp4.SampleEntry;
import org.tributary.rtp.payload.mpeg4audio.AudioSpecificConfig;

import java.util.Locale;

/** Describes tracks for people: kind, codec name and the few numbers an administrator checks. */
final class TrackDescriptions {

    private TrackDescriptions() {
    }

    static MediaTrackInfo of(Mp4Track track) {
        SampleEntry entry = track.sampleEntry();
        String fourcc = entry == null ? "?" : entry.fourcc();
        return switch (track.handlerType()) {
            case "vide" -> new MediaTrackInfo("video", videoCodec(fourcc), videoDetails(track, entry));
            case "soun" -> new MediaTrackInfo("audio", audioCodec(fourcc, entry), audioDetails(entry));
            case "hint" -> new MediaTrackInfo("hint", "RTP hint", hintDetails(track));
            default -> new MediaTrackInfo(track.handlerType().trim(), fourcc.trim().toUpperCase(Locale.ROOT), "");
        };
    }

    static MediaTrackInfo of(Mp3File mp3) {
        return new MediaTrackInfo("audio", "MP3", mp3.sampleRate() + " Hz " + mp3.channels() + " ch "
                + mp3.bitrate() / 1000 + " kbit/s");
    }

    static String videoCodec(String fourcc) {
        return switch (fourcc) {
            case "avc1", "avc3" -> "H264";
            case "hvc1", "hev1" -> "H265";
            case "mp4v" -> "MPEG4";
            case "s263", "h263" -> "H263";
            default -> fourcc.trim().toUpperCase(Locale.ROOT);
        };
    }

    static String audioCodec(String fourcc, SampleEntry entry) {
        return switch (fourcc) {
            case "mp4a" -> switch (entry.objectTypeIndication()) {
                case 0x69, 0x6B -> "MP3";
                default -> "AAC";
            };
            case "samr" -> "AMR";
            case "sawb" -> "AMR-WB";
            case ".mp3" -> "MP3";
            case "alac" -> "ALAC";
            case "ulaw" -> "PCMU";
            case "alaw" -> "PCMA";
            default -> fourcc.trim().toUpperCase(Locale.ROOT);
        };
    }

    private static String videoDetails(Mp4Track track, SampleEntry entry) {
        StringBuilder out = new StringBuilder();
        if (entry != null && entry.width() > 0) {
            out.append(entry.width()).append('x').append(entry.height());
        }
        double seconds = track.mediaDurationSeconds();
        int frames = track.samples() == null ? 0 : track.samples().count();
        if (seconds > 0 && frames > 0) {
            double fps = frames / seconds;
            out.append(out.isEmpty() ? "" : " ").append(fps == Math.rint(fps)
                    ? String.valueOf((long) fps) : String.format(Locale.ROOT, "%.2f", fps)).append(" fps");
        }
        return out.toString();
    }

    private static String audioDetails(SampleEntry entry) {
        if (entry == null || entry.sampleRate() <= 0) {
            return "";
        }
        int rate = entry.sampleRate();
        int channels = entry.channelCount();
        byte[] asc = entry.decoderSpecificInfo();
        if ("mp4a".equals(entry.fourcc()) && asc != null && asc.length >= 2) {
            // Muxers write 2 channels into every 'mp4a' entry; the AAC config says what the stream holds.
            try {
                AudioSpecificConfig config = AudioSpecificConfig.parse(asc);
                rate = config.samplingFrequency();
                channels = config.channelCount() > 0 ? config.channelCount() : channels;
            } catch (RuntimeException e) {
                // a malformed config: keep the sample entry's values
            }
        }
        return rate + " Hz " + channels + " ch";
    }

    private static String hintDetails(Mp4Track track) {
        int[] hinted = track.trackReferences("hint");
        return hinted == null || hinted.length == 0 ? "" : "for track " + hinted[0];
    }
}
