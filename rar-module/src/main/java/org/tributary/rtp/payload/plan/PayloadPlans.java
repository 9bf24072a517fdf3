package org.tributary.rtp.payload.plan;

import java.util.function.Supplier;
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

/**
 * Chooses the RTP payload format and packetizer for a stored codec. The only place that maps stored
 * codecs to RTP payload formats: sources name no codec themselves.
 */
public final class PayloadPlans {

    /** RTP payload size: 1500-byte Ethernet MTU less IP (20), UDP (8), RTP (12) and some room for tunnels. */
    public static final int MAX_PAYLOAD = 1400;

    /**
     * How one track is sent.
     *
     * @param format      what the SDP says
     * @param codec       a name for people
     * @param packetizers makes one packetizer per reader
     */
    public record Plan(PayloadFormat format, String codec, Supplier<Packetizer> packetizers) {
    }

    private PayloadPlans() {
    }

    /** The plan for a stored codec, or null when it cannot be streamed. */
    public static Plan plan(StoredCodec codec, int payloadType) {
        try {
            switch (codec.fourcc()) {
                case "avc1", "avc3" -> {
                    if (codec.avcC() == null) {
                        return null;
                    }
                    AvcDecoderConfig config = AvcDecoderConfig.parse(codec.avcC());
                    return new Plan(H264Format.fromConfig(config, payloadType), "H264", () -> {
                        H264Packetizer p = new H264Packetizer(config.nalLengthSize(), MAX_PAYLOAD);
                        p.setParameterSets(config.sps(), config.pps());
                        p.setPrependParameterSetsBeforeIdr(true);
                        return p;
                    });
                }
                case "hvc1", "hev1" -> {
                    if (codec.hvcC() == null) {
                        return null;
                    }
                    HevcDecoderConfig config = HevcDecoderConfig.parse(codec.hvcC());
                    return new Plan(H265Format.fromConfig(config, payloadType), "H265", () -> {
                        H265Packetizer p = new H265Packetizer(config.nalLengthSize(), MAX_PAYLOAD);
                        p.setParameterSets(config.vps(), config.sps(), config.pps());
                        p.setPrependParameterSetsBeforeIrap(true);
                        return p;
                    });
                }
                case "mp4a" -> {
                    int oti = codec.objectTypeIndication();
                    if (oti == 0x6B || oti == 0x69) {
                        return mpegAudio();
                    }
                    if (codec.decoderSpecificInfo() == null) {
                        return null;
                    }
                    return new Plan(AacFormat.fromAudioSpecificConfig(codec.decoderSpecificInfo(), payloadType),
                            "AAC", () -> new AacPacketizer(MAX_PAYLOAD));
                }
                case ".mp3" -> {
                    return mpegAudio();
                }
                case "mp4v" -> {
                    byte[] dsi = codec.decoderSpecificInfo() == null ? new byte[0] : codec.decoderSpecificInfo();
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

    private static Plan mpegAudio() {
        return new Plan(MpegAudioFormat.format(), "MPA", () -> new MpegAudioPacketizer(MAX_PAYLOAD));
    }
}
