package org.tributary.channel;

import org.junit.jupiter.api.Test;
import org.tributary.source.SourceTrack;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What makes an item unable to follow the channel's tracks, and what does not. */
class TrackMatchTest {

    private static final String SPS_320 = "Z01ADeygoM/PgIgAAAMACAAAAwGQeKFMsA==";
    private static final String SPS_640 = "Z01AHuygUBf8uAiAAAADAIAAABkHixbL";

    private static SourceTrack video(String sps, String pps, String level) {
        return new SourceTrack(0, "video", 96, 90000, "H264", 0, List.of("rtpmap:96 H264/90000",
                "fmtp:96 packetization-mode=1; sprop-parameter-sets=" + sps + "," + pps + "; profile-level-id=" + level));
    }

    private static SourceTrack audio(String config, String rtpmap) {
        return new SourceTrack(1, "audio", 97, 48000, "AAC", 0, List.of("rtpmap:97 " + rtpmap,
                "fmtp:97 streamtype=5; profile-level-id=15; mode=AAC-hbr; config=" + config
                        + "; sizelength=13; indexlength=3; indexdeltalength=3"));
    }

    @Test
    void aDifferentPictureSizeIsNamed() {
        assertEquals(List.of("b.mp4: track 1 (video) is H.264 profile 77 640x360, the channel's is H.264 profile 77 320x180"),
                TrackMatch.differences("b.mp4", List.of(video(SPS_320, "aO+8gA==", "4D400D")),
                        List.of(video(SPS_640, "aO+8gA==", "4D401E"))));
    }

    @Test
    void otherParameterSetsOfTheSamePictureMayDifferBecauseEachItemSendsItsOwnInBand() {
        assertEquals(List.of(), TrackMatch.differences("b.mp4", List.of(video(SPS_320, "aO+8gA==", "4D400D")),
                List.of(video(SPS_320, "aOvjyyLA", "4D400D"))));
    }

    @Test
    void audioMustHaveTheSameConfigAndChannels() {
        SourceTrack stereo48 = audio("1190", "MPEG4-GENERIC/48000/2");
        assertEquals(List.of("b.mp4: track 1 (audio) is 'MPEG4-GENERIC/48000/1', the channel's is 'MPEG4-GENERIC/48000/2'"),
                TrackMatch.differences("b.mp4", List.of(stereo48), List.of(audio("1188", "MPEG4-GENERIC/48000/1"))));
        assertEquals(1, TrackMatch.differences("b.mp4", List.of(stereo48), List.of(audio("1210", "MPEG4-GENERIC/48000/2")))
                .size());
        assertEquals(List.of(), TrackMatch.differences("b.mp4", List.of(stereo48), List.of(audio("1190", "MPEG4-GENERIC/48000/2"))));
    }

    @Test
    void theClockAndPayloadTypeMustMatch() {
        SourceTrack a = new SourceTrack(0, "audio", 14, 90000, "MPA", 0, List.of("rtpmap:14 MPA/90000"));
        SourceTrack b = new SourceTrack(0, "audio", 97, 90000, "MPA", 0, List.of("rtpmap:97 MPA/90000"));
        assertEquals(List.of("x.mp3: track 1 (audio) has payload type 97, the channel's is 14"),
                TrackMatch.differences("x.mp3", List.of(a), List.of(b)));
    }
}
