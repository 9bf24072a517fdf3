package org.tributary.source.file;

import org.tributary.media.mp4.Mp4Track;
import org.tributary.media.mp4.SampleEntry;
import org.tributary.rtp.payload.Packetizer;
import org.tributary.rtp.payload.PayloadFormat;
import org.tributary.rtp.payload.amr.AmrFormat;
import org.tributary.rtp.payload.amr.AmrPacketizer;
import org.tributary.rtp.payload.h264.AvcDecoderConfig;
import org.tributary.rtp.payload.h264.H264Format;
import org.tributary.rtp.payload.h264.H264Packetizer;
import org.tributary.rtp.payload.h265.H265Format;
import org.tributary.rtp.payload.h265.H265Packetizer;
import org.tributary.rtp.payload.h265.HevcDecoderConfig;
import org.tributary.rtp.payload.mpeg4audio.AacFormat;
import org.tributary.rtp.payload.mpeg4audio.AacPacketizer;
import org.tributary.rtp.payload.mpeg4video.Mpeg4VideoFormat;
import org.tributary.rtp.payload.mpeg4video.Mpeg4VideoPacketizer;
import org.tributary.rtp.payload.mpegaudio.MpegAudioFormat;
import org.tributary.rtp.payload.mpegaudio.MpegAudioPacketizer;

import java.util.function.Supplier;

/**
 * Chooses the RTP payload format and packetizer for a stored track from its sample entry. The only
 * place that maps MP4 codecs to RTP payload formats.
 */
final class TrackPacketizers {

    /** RTP payload size: 1500-byte Ethernet MTU less IP (20), UDP (8), RTP (12) and some room for tunnels. */
    static final int MAX_PAYLOAD = 1400;

    /**
     * How one track is sent.
     *
     * @param format      what the SDP says
     * @param codec       a name for people
     * @param packetizers makes one packetizer per reader
     */
    record Plan(PayloadFormat format, String codec, Supplier<Packetizer> packetizers) {
    }

    private TrackPacketizers() {
    }

    /** The plan for a track, or null when its codec cannot be streamed. */
    static Plan plan(Mp4Track track, int payloadType) {
        SampleEntry entry = track.sampleEntry();
        if (entry == null) {
            return null;
        }
        try {
            switch (entry.fourcc()) {
                case "avc1", "avc3" -> {
                    if (entry.avcC() == null) {
                        return null;
                    }
                    AvcDecoderConfig config = AvcDecoderConfig.parse(entry.avcC());
                    return new Plan(H264Format.fromConfig(config, payloadType), "H264", () -> {
                        H264Packetizer p = new H264Packetizer(config.nalLengthSize(), MAX_PAYLOAD);
                        p.setParameterSets(config.sps(), config.pps());
                        p.setPrependParameterSetsBeforeIdr(true);
                        return p;
                    });
                }
                case "hvc1", "hev1" -> {
                    if (entry.hvcC() == null) {
                        return null;
                    }
                    HevcDecoderConfig config = HevcDecoderConfig.parse(entry.hvcC());
                    return new Plan(H265Format.fromConfig(config, payloadType), "H265", () -> {
                        H265Packetizer p = new H265Packetizer(config.nalLengthSize(), MAX_PAYLOAD);
                        p.setParameterSets(config.vps(), config.sps(), config.pps());
                        p.setPrependParameterSetsBeforeIrap(true);
                        return p;
                    });
                }
                case "mp4a" -> {
                    int oti = entry.objectTypeIndication();
                    if (oti == 0x6B || oti == 0x69) {
                        return new Plan(MpegAudioFormat.format(), "MPA", () -> new MpegAudioPacketizer(MAX_PAYLOAD));
                    }
                    if (entry.decoderSpecificInfo() == null) {
                        return null;
                    }
                    return new Plan(AacFormat.fromAudioSpecificConfig(entry.decoderSpecificInfo(), payloadType),
                            "AAC", () -> new AacPacketizer(MAX_PAYLOAD));
                }
                case ".mp3" -> {
                    return new Plan(MpegAudioFormat.format(), "MPA", () -> new MpegAudioPacketizer(MAX_PAYLOAD));
                }
                case "mp4v" -> {
                    byte[] dsi = entry.decoderSpecificInfo() == null ? new byte[0] : entry.decoderSpecificInfo();
                    return new Plan(Mpeg4VideoFormat.fromDecoderSpecificInfo(dsi, payloadType), "MP4V-ES",
                            () -> new Mpeg4VideoPacketizer(MAX_PAYLOAD));
                }
                case "samr" -> {
                    return new Plan(AmrFormat.format(payloadType), "AMR", () -> new AmrPacketizer(MAX_PAYLOAD));
                }
                default -> {
                    return null;
                }
            }
        } catch (RuntimeException e) {
            // A decoder configuration we cannot read: the track is not streamable.
            return null;
        }
    }
}
