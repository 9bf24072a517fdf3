package org.tributary.hls.live;

import org.tributary.media.fmp4.InitTrack;
import org.tributary.media.fmp4.SampleEntries;
import org.tributary.rtp.payload.AccessUnit;
import org.tributary.rtp.payload.Depacketizer;
import org.tributary.rtp.payload.PayloadFormat;
import org.tributary.rtp.payload.h264.AvcDecoderConfig;
import org.tributary.rtp.payload.h264.H264NalSyntax;
import org.tributary.rtp.payload.h264.SequenceParameterSet;
import org.tributary.rtp.payload.h265.H265NalSyntax;
import org.tributary.rtp.payload.h265.HevcDecoderConfig;
import org.tributary.rtp.payload.h265.HevcSequenceParameterSet;
import org.tributary.hls.HlsTracks;
import org.tributary.rtp.payload.mpeg4audio.AacDepacketizer;
import org.tributary.rtp.payload.mpeg4audio.AudioSpecificConfig;
import org.tributary.rtp.payload.mpegaudio.MpegAudioDepacketizer;
import org.tributary.rtp.payload.mpegaudio.MpegAudioHeader;
import org.tributary.rtp.payload.nal.NalUnitDepacketizer;
import org.tributary.source.SourceTrack;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * One track of a live stream as fragmented MP4: its RTP payloads rebuilt into samples (in arrival order, which is
 * decode order) on a 64-bit timeline in the track's RTP clock, and its init-segment entry once its codec
 * configuration is known (from the SDP, or without its sprop parameter sets from the first key frame's in-band ones).
 * H.264, H.265 (RFC 7798), AAC (RFC 3640 AAC-hbr) and MPEG audio (RFC 2250); {@link #of} says why another codec
 * is not carried.
 * Used by the packager's one thread.
 */
final class LiveTrack {

    /** Where each track's timeline starts: far enough from 0 that shifting decode times back never goes negative. */
    static final long BASE_SECONDS = 10;

    private final SourceTrack source;
    private final int trackId;
    private final Codec codec;
    private final Depacketizer depacketizer;
    private final List<LiveSample> pending = new ArrayList<>();
    private int sequence;
    private boolean started;
    private long last32;
    private long pts;
    private long malformed;

    private LiveTrack(SourceTrack source, int trackId, Codec codec) {
        this.source = source;
        this.trackId = trackId;
        this.codec = codec;
        this.depacketizer = codec.depacketizer();
    }

    /** What is needed per codec: its depacketizer, and its sample entry and RFC 6381 name once known. */
    private interface Codec {
        Depacketizer depacketizer();

        /** Learns from a rebuilt unit (MPEG audio's header, H.264's in-band parameter sets). */
        default void saw(AccessUnit unit) {
        }

        /** The entry, or null while the configuration is unknown. */
        InitTrack init(int trackId, long timescale);

        String name();
    }

    /**
     * The track of {@code source} HLS can carry, as fragment track {@code trackId}.
     *
     * @throws IllegalArgumentException naming the codec when HLS cannot carry it, or what is wrong with its SDP
     */
    static LiveTrack of(SourceTrack source, int trackId) {
        PayloadFormat format = new PayloadFormat(source.payloadType(), source.encodingName(), source.clockRate(), 0,
                PayloadFormat.fmtpOf(source.payloadType(), source.sdpAttributes()));
        String name = format.encodingName().toUpperCase(Locale.ROOT);
        Codec codec = switch (name) {
            case "H264" -> new NalVideo(false, format);
            case "H265" -> new NalVideo(true, format);
            case "MPEG4-GENERIC" -> new Aac(format);
            case "MPA" -> new MpegAudio();
            default -> throw new IllegalArgumentException("HLS cannot carry " + source.media() + " in " + name
                    + " (H.264, H.265, AAC and MPEG audio only)");
        };
        return new LiveTrack(source, trackId, codec);
    }

    int streamTrack() {
        return source.index();
    }

    boolean video() {
        return source.media().equals("video");
    }

    long timescale() {
        return source.clockRate();
    }

    /** The entry of this track in the init segment, or null while its configuration is unknown. */
    InitTrack init() {
        return codec.init(trackId, timescale());
    }

    String codecName() {
        return codec.name();
    }

    /** Payloads that broke their format (their units were dropped). */
    long malformed() {
        return malformed;
    }

    /**
     * One RTP payload of the track, which arrived {@code sinceZeroNanos} after the stream's first packet (that
     * places the track's first unit on the timeline shared by every track).
     */
    void push(ByteBuffer payload, boolean marker, long timestamp, long sinceZeroNanos) {
        try {
            depacketizer.push(sequence++, timestamp, marker, payload, unit -> add(unit, sinceZeroNanos));
        } catch (org.tributary.rtp.payload.MalformedPayloadException e) {
            malformed++;
        }
    }

    /**
     * Packets of the stream were lost here (the packager's reader fell behind): the next payload is numbered as if
     * one were missing, so the depacketizer drops the unit the loss may have cut short rather than make a broken one.
     */
    void gap() {
        sequence++;
    }

    private void add(AccessUnit unit, long sinceZeroNanos) {
        long ts = unit.timestamp() & 0xFFFFFFFFL;
        if (!started) {
            started = true;
            pts = BASE_SECONDS * timescale() + Math.max(0, sinceZeroNanos) / 1000 * timescale() / 1_000_000;
        } else {
            pts += (int) (ts - last32); // signed: B-frames go back a little, the 32-bit clock wraps
        }
        last32 = ts;
        codec.saw(unit);
        pending.add(new LiveSample(pts, unit.keyFrame() || !video(), unit.data()));
    }

    /** The samples not yet cut into a segment, oldest first; the segmenter removes what it takes. */
    List<LiveSample> pending() {
        return pending;
    }

    /** H.264 (RFC 6184) or H.265 (RFC 7798): parameter sets from the SDP, else from the first key frame's. */
    private static final class NalVideo implements Codec {
        private final boolean hevc;
        private final NalUnitDepacketizer depacketizer;
        /** The parameter sets in slot order (SPS, PPS; VPS, SPS, PPS), each list empty while unknown. */
        private List<List<byte[]>> sets;
        private InitTrack init;
        private String name;

        NalVideo(boolean hevc, PayloadFormat format) {
            this.hevc = hevc;
            this.depacketizer = new NalUnitDepacketizer(hevc ? H265NalSyntax.INSTANCE : H264NalSyntax.INSTANCE);
            this.name = hevc ? "hvc1" : "avc1";
            var p = format.parameters();
            List<byte[]> all = new ArrayList<>();
            for (String key : hevc ? List.of("sprop-vps", "sprop-sps", "sprop-pps") : List.of("sprop-parameter-sets")) {
                String value = p.get(key);
                if (value == null || value.isEmpty()) {
                    continue;
                }
                for (String set : value.split(",")) {
                    try {
                        all.add(Base64.getDecoder().decode(set.trim()));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(key + " is not Base64: " + set, e);
                    }
                }
            }
            sets = bySlot(all);
        }

        /** The sets sorted into their slots by NAL type. */
        private List<List<byte[]>> bySlot(List<byte[]> nals) {
            var syntax = hevc ? H265NalSyntax.INSTANCE : H264NalSyntax.INSTANCE;
            List<List<byte[]>> slots = new ArrayList<>();
            for (int i = 0; i < syntax.parameterSetSlots(); i++) {
                slots.add(new ArrayList<>());
            }
            for (byte[] nal : nals) {
                int slot = nal.length < syntax.headerSize() ? -1
                        : syntax.parameterSetSlot(syntax.type(ByteBuffer.wrap(nal), 0));
                if (slot >= 0) {
                    slots.get(slot).add(nal);
                }
            }
            return slots;
        }

        private boolean complete() {
            return sets.stream().noneMatch(List::isEmpty);
        }

        @Override
        public Depacketizer depacketizer() {
            return depacketizer;
        }

        @Override
        public void saw(AccessUnit unit) {
            if (init == null && !complete() && unit.keyFrame()) {
                sets = bySlot(depacketizer.parameterSets()); // the latest of each kind seen in band
            }
        }

        @Override
        public InitTrack init(int trackId, long timescale) {
            if (init == null && complete()) {
                int width;
                int height;
                byte[] config;
                if (hevc) {
                    HevcSequenceParameterSet s = HevcSequenceParameterSet.parse(sets.get(1).get(0));
                    config = HevcDecoderConfig.write(sets.get(0), sets.get(1), sets.get(2));
                    width = s.width();
                    height = s.height();
                    name = HlsTracks.hevcCodec("hvc1", config);
                } else {
                    SequenceParameterSet s = SequenceParameterSet.parse(sets.get(0).get(0));
                    config = AvcDecoderConfig.write(sets.get(0), sets.get(1));
                    width = s.width();
                    height = s.height();
                    name = HlsTracks.avcCodec("avc1", config);
                }
                init = new InitTrack(trackId, "vide", timescale, width, height,
                        SampleEntries.visual(name.substring(0, 4), width, height, hevc ? "hvcC" : "avcC", config));
            }
            return init;
        }

        @Override
        public String name() {
            return name;
        }
    }

    private static final class Aac implements Codec {
        private final byte[] config;
        private final AudioSpecificConfig asc;
        private final int channels;

        Aac(PayloadFormat format) {
            var p = format.parameters();
            String mode = p.getOrDefault("mode", "");
            if (!mode.equalsIgnoreCase("AAC-hbr") || !"13".equals(p.get("sizelength"))) {
                throw new IllegalArgumentException("HLS carries MPEG4-GENERIC audio in mode AAC-hbr (sizelength=13)"
                        + " only, not mode '" + mode + "'");
            }
            String hex = p.get("config");
            try {
                config = HexFormat.of().parseHex(hex == null ? "" : hex);
                asc = AudioSpecificConfig.parse(config);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the AAC track's config '" + hex + "' is not an AudioSpecificConfig: "
                        + e.getMessage(), e);
            }
            channels = asc.channelCount() > 0 ? asc.channelCount() : 2; // 0: a program config element says; stereo
        }

        @Override
        public Depacketizer depacketizer() {
            return new AacDepacketizer(1024);
        }

        @Override
        public InitTrack init(int trackId, long timescale) {
            return new InitTrack(trackId, "soun", timescale, 0, 0, SampleEntries.audio(channels,
                    asc.samplingFrequency(), SampleEntries.OBJECT_TYPE_AAC, config, 0, 0));
        }

        @Override
        public String name() {
            return "mp4a.40." + asc.audioObjectType();
        }
    }

    private static final class MpegAudio implements Codec {
        private MpegAudioHeader header;
        private int channels;

        @Override
        public Depacketizer depacketizer() {
            return new MpegAudioDepacketizer();
        }

        @Override
        public void saw(AccessUnit unit) {
            byte[] d = unit.data();
            if (header == null && d.length >= 4) {
                int h = ByteBuffer.wrap(d).getInt();
                header = MpegAudioHeader.parse(h);
                channels = ((h >>> 6) & 3) == 3 ? 1 : 2;
            }
        }

        @Override
        public InitTrack init(int trackId, long timescale) {
            return header == null ? null : new InitTrack(trackId, "soun", timescale, 0, 0,
                    SampleEntries.audio(channels, header.sampleRate(), SampleEntries.OBJECT_TYPE_MP3, null, 0, 0));
        }

        @Override
        public String name() {
            return "mp4a.40.34";
        }
    }
}
