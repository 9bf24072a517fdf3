package org.tributary.media.fmp4;

import java.util.List;

/** Writes a CMAF init segment: ftyp, then a moov with one trak per track (no samples) and mvex/trex. */
public final class InitSegment {

    private static final long[] UNITY_MATRIX = {0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000};

    private InitSegment() {
    }

    public static byte[] write(List<InitTrack> tracks) {
        if (tracks.isEmpty()) {
            throw new IllegalArgumentException("an init segment needs a track");
        }
        BoxBuffer b = new BoxBuffer();
        int ftyp = b.open("ftyp");
        b.fourcc("iso6").u32(0).fourcc("iso6").fourcc("cmfc").fourcc("mp41");
        b.close(ftyp);
        int moov = b.open("moov");
        int mvhd = b.openFull("mvhd", 0, 0);
        b.u32(0).u32(0).u32(1000).u32(0);          // times, timescale, duration (unknown: fragments follow)
        b.u32(0x00010000).u16(0x0100).zeros(10);   // rate 1.0, volume 1.0, reserved
        matrix(b);
        b.zeros(24);                               // pre_defined
        b.u32(tracks.stream().mapToInt(InitTrack::trackId).max().getAsInt() + 1L);
        b.close(mvhd);
        for (InitTrack t : tracks) {
            trak(b, t);
        }
        int mvex = b.open("mvex");
        for (InitTrack t : tracks) {
            int trex = b.openFull("trex", 0, 0);
            b.u32(t.trackId()).u32(1).u32(0).u32(0).u32(0);
            b.close(trex);
        }
        b.close(mvex);
        b.close(moov);
        return b.toArray();
    }

    private static void trak(BoxBuffer b, InitTrack t) {
        int trak = b.open("trak");
        int tkhd = b.openFull("tkhd", 0, 0x3);     // enabled, in movie
        b.u32(0).u32(0).u32(t.trackId()).u32(0).u32(0); // times, track_ID, reserved, duration
        b.zeros(8).u16(0).u16(0);                  // reserved, layer, alternate_group
        b.u16(t.video() ? 0 : 0x0100).u16(0);      // volume, reserved
        matrix(b);
        b.u32((long) t.width() << 16).u32((long) t.height() << 16);
        b.close(tkhd);
        int mdia = b.open("mdia");
        int mdhd = b.openFull("mdhd", 0, 0);
        b.u32(0).u32(0).u32(t.timescale()).u32(0).u16(0x55C4).u16(0); // language "und"
        b.close(mdhd);
        int hdlr = b.openFull("hdlr", 0, 0);
        b.u32(0).fourcc(t.handler()).zeros(12);
        b.bytes((t.video() ? "VideoHandler\0" : "SoundHandler\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.close(hdlr);
        int minf = b.open("minf");
        if (t.video()) {
            int vmhd = b.openFull("vmhd", 0, 1);
            b.zeros(8);
            b.close(vmhd);
        } else {
            int smhd = b.openFull("smhd", 0, 0);
            b.zeros(4);
            b.close(smhd);
        }
        int dinf = b.open("dinf");
        int dref = b.openFull("dref", 0, 0);
        b.u32(1);
        b.close(b.openFull("url ", 0, 1));         // the data is in this file
        b.close(dref);
        b.close(dinf);
        int stbl = b.open("stbl");
        int stsd = b.openFull("stsd", 0, 0);
        b.u32(1).bytes(t.sampleEntry());
        b.close(stsd);
        for (String empty : new String[] {"stts", "stsc", "stco"}) {
            int box = b.openFull(empty, 0, 0);
            b.u32(0);
            b.close(box);
        }
        int stsz = b.openFull("stsz", 0, 0);
        b.u32(0).u32(0);
        b.close(stsz);
        b.close(stbl);
        b.close(minf);
        b.close(mdia);
        b.close(trak);
    }

    private static void matrix(BoxBuffer b) {
        for (long v : UNITY_MATRIX) {
            b.u32(v);
        }
    }
}
