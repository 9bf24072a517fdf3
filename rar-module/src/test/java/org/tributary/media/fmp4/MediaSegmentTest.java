package org.tributary.media.fmp4;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MediaSegmentTest {

    private static final TrackFragment VIDEO = new TrackFragment(1, 90_000, new int[] {3000, 3000, 3000},
            new int[] {500, 120, 130}, new boolean[] {true, false, false}, new int[] {6000, -3000, 0});
    private static final TrackFragment AUDIO = new TrackFragment(2, 48_000, new int[] {1024, 1024},
            new int[] {20, 21}, new boolean[] {true, true}, new int[] {0, 0});

    @Test
    void boxesCoverTheSegmentAndTheSizeIsKnownBeforehand() {
        MediaSegment.Layout layout = MediaSegment.layout(7, List.of(VIDEO, AUDIO));
        List<ParsedBox> boxes = ParsedBox.parse(layout.bytes());
        assertEquals(List.of("styp", "moof", "mdat"), boxes.stream().map(ParsedBox::type).toList());
        assertEquals(750 + 41, ParsedBox.find(boxes, "mdat").size() - 8);
        assertEquals(layout.bytes().length, MediaSegment.size(new int[] {3, 2}, 791));
        assertEquals(ParsedBox.find(boxes, "mdat").start() + 8, layout.dataStart());
        assertEquals(7, ParsedBox.find(boxes, "moof").child("mfhd").content().getInt(4));
    }

    @Test
    void eachTrafNamesItsTrackTimeSamplesAndWhereTheyAre() {
        MediaSegment.Layout layout = MediaSegment.layout(1, List.of(VIDEO, AUDIO));
        List<ParsedBox> boxes = ParsedBox.parse(layout.bytes());
        ParsedBox moof = ParsedBox.find(boxes, "moof");
        List<ParsedBox> trafs = moof.all("traf");
        assertEquals(2, trafs.size());
        ParsedBox v = trafs.get(0);
        assertEquals(1, v.child("tfhd").tfhdTrackId());
        assertEquals(0x020000, v.child("tfhd").content().getInt(0) & 0xFFFFFF, "default-base-is-moof");
        assertEquals(90_000, v.child("tfdt").tfdt());
        ParsedBox.Trun trun = v.child("trun").trun();
        assertArrayEquals(new int[] {500, 120, 130}, trun.sizes());
        assertArrayEquals(new int[] {3000, 3000, 3000}, trun.durations());
        assertArrayEquals(new int[] {6000, -3000, 0}, trun.offsets());
        assertArrayEquals(new int[] {0x02000000, 0x01010000, 0x01010000}, trun.sampleFlags());
        assertEquals(layout.dataStart(), moof.start() + trun.dataOffset());
        ParsedBox.Trun audio = trafs.get(1).child("trun").trun();
        assertEquals(2, trafs.get(1).child("tfhd").tfhdTrackId());
        assertEquals(48_000, trafs.get(1).child("tfdt").tfdt());
        assertEquals(layout.dataStart() + 750, moof.start() + audio.dataOffset());
    }

    @Test
    void perSampleArraysOfDifferentLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TrackFragment(1, 0, new int[2], new int[1],
                new boolean[2], new int[2]));
    }
}
