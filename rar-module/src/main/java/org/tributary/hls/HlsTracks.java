package org.tributary.hls;

import org.tributary.media.fmp4.InitTrack;
import org.tributary.media.fmp4.SampleEntries;
import org.tributary.media.mp4.Mp4File;
import org.tributary.media.mp4.Mp4Track;
import org.tributary.media.mp4.SampleEntry;
import org.tributary.source.UnsupportedMediaException;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Chooses what of a file HLS carries: the first video track (H.264 or H.265) and the first audio track (AAC
 * or MP3), other tracks (hints, text) left out. A file whose video or audio is in another codec is refused
 * with the codec's name rather than served without it.
 */
public final class HlsTracks {

    private HlsTracks() {
    }

    /** Video first, then audio; at least one. */
    static List<HlsTrack> choose(Mp4File file, String name) throws UnsupportedMediaException {
        HlsTrack video = null;
        HlsTrack audio = null;
        for (Mp4Track t : file.tracks()) {
            SampleEntry e = t.sampleEntry();
            if (e == null || t.samples().count() == 0) {
                continue;
            }
            if (t.handlerType().equals("vide") && video == null) {
                video = video(t, e, name);
            } else if (t.handlerType().equals("soun") && audio == null) {
                audio = audio(t, e, name);
            }
        }
        List<HlsTrack> out = new ArrayList<>();
        if (video != null) {
            out.add(video);
        }
        if (audio != null) {
            out.add(audio);
        }
        if (out.isEmpty()) {
            throw new UnsupportedMediaException(name + " has no video or audio track HLS can carry");
        }
        return out;
    }

    private static HlsTrack video(Mp4Track t, SampleEntry e, String name) throws UnsupportedMediaException {
        String fourcc = e.fourcc();
        byte[] avcC = e.avcC();
        byte[] hvcC = e.hvcC();
        InitTrack init;
        String codec;
        if ((fourcc.equals("avc1") || fourcc.equals("avc3")) && avcC != null && avcC.length >= 4) {
            init = new InitTrack(t.trackId(), "vide", t.mediaTimescale(), e.width(), e.height(),
                    SampleEntries.visual(fourcc, e.width(), e.height(), "avcC", avcC));
            codec = avcCodec(fourcc, avcC);
        } else if ((fourcc.equals("hvc1") || fourcc.equals("hev1")) && hvcC != null && hvcC.length >= 13) {
            init = new InitTrack(t.trackId(), "vide", t.mediaTimescale(), e.width(), e.height(),
                    SampleEntries.visual(fourcc, e.width(), e.height(), "hvcC", hvcC));
            codec = hevcCodec(fourcc, hvcC);
        } else {
            throw new UnsupportedMediaException(name + ": HLS cannot carry its video codec '" + fourcc.trim()
                    + "' (H.264 and H.265 only)");
        }
        return new HlsTrack(t, init, codec);
    }

    private static HlsTrack audio(Mp4Track t, SampleEntry e, String name) throws UnsupportedMediaException {
        int objectType = e.objectTypeIndication();
        byte[] config = e.decoderSpecificInfo();
        if (e.fourcc().equals("mp4a") && objectType == SampleEntries.OBJECT_TYPE_AAC && config != null
                && config.length >= 2) {
            byte[] entry = SampleEntries.audio(e.channelCount(), e.sampleRate(), objectType, config,
                    e.maxBitrate(), e.avgBitrate());
            return new HlsTrack(t, new InitTrack(t.trackId(), "soun", t.mediaTimescale(), 0, 0, entry),
                    "mp4a.40." + audioObjectType(config));
        }
        boolean mp3 = e.fourcc().equals(".mp3") || e.fourcc().equals("mp4a") && (objectType == 0x6B || objectType == 0x69);
        if (mp3) {
            byte[] entry = SampleEntries.audio(e.channelCount(), e.sampleRate(), SampleEntries.OBJECT_TYPE_MP3, null,
                    e.maxBitrate(), e.avgBitrate());
            return new HlsTrack(t, new InitTrack(t.trackId(), "soun", t.mediaTimescale(), 0, 0, entry), "mp4a.40.34");
        }
        throw new UnsupportedMediaException(name + ": HLS cannot carry its audio codec '" + e.fourcc().trim()
                + (objectType != 0 ? String.format(" (object type 0x%02X)", objectType) : "")
                + "' (AAC and MP3 only)");
    }

    /** RFC 6381: avc1.PPCCLL from the AVCDecoderConfigurationRecord's profile, compatibility and level. */
    public static String avcCodec(String fourcc, byte[] avcC) {
        return fourcc + "." + HexFormat.of().formatHex(avcC, 1, 4);
    }

    /** ISO/IEC 14496-15 annex E: hvc1.[space]profile.compat(reversed).tier+level[.constraints]. */
    public static String hevcCodec(String fourcc, byte[] hvcC) {
        int b = hvcC[1] & 0xFF;
        int space = b >>> 6;
        boolean highTier = (b & 0x20) != 0;
        int profile = b & 0x1F;
        long compat = ((hvcC[2] & 0xFFL) << 24) | ((hvcC[3] & 0xFFL) << 16) | ((hvcC[4] & 0xFFL) << 8) | (hvcC[5] & 0xFFL);
        long reversed = Long.reverse(compat) >>> 32;
        StringBuilder s = new StringBuilder(fourcc).append('.');
        if (space > 0) {
            s.append((char) ('A' + space - 1));
        }
        s.append(profile).append('.').append(Long.toHexString(reversed).toUpperCase())
                .append('.').append(highTier ? 'H' : 'L').append(hvcC[12] & 0xFF);
        int last = 11;
        while (last >= 6 && hvcC[last] == 0) {
            last--;
        }
        for (int i = 6; i <= last; i++) {
            s.append('.').append(String.format("%02X", hvcC[i] & 0xFF));
        }
        return s.toString();
    }

    /** The audio object type of an AudioSpecificConfig (5 bits, 31 escaping to 32 + 6 more). */
    static int audioObjectType(byte[] config) {
        int type = (config[0] & 0xFF) >>> 3;
        if (type == 31) {
            type = 32 + (((config[0] & 0x07) << 3) | ((config[1] & 0xFF) >>> 5));
        }
        return type;
    }
}
