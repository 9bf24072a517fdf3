package org.tributary.ejb.channels;

import org.junit.jupiter.api.Test;
import org.tributary.api.ChannelKind;
import org.tributary.api.playlist.PlayMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ChannelFieldsTest {

    private static final List<ChannelSpec.Item> ONE = List.of(new ChannelSpec.Item("channels/one.mp4", 10));

    private static ChannelSpec spec(String name, String mount, List<ChannelSpec.Item> items) {
        return new ChannelSpec(name, mount, ChannelKind.STREAM, PlayMode.SEQUENTIAL_LOOPED, 0, 7, items, null, null, null, null);
    }

    @Test
    void aGoodChannelHasNoProblems() {
        assertEquals(Map.of(), ChannelFields.problems(spec("news-1.a_b", "channels/news.sdp", ONE)));
        assertEquals(Map.of(), ChannelFields.problems(new ChannelSpec("jazz", "radio/jazz", ChannelKind.RADIO,
                PlayMode.WEIGHTED_RANDOM, 100_000, 50, List.of(new ChannelSpec.Item("radio/a b.mp3", 1)), " ", "Jazz FM",
                "Jazz", "All night \"long\"")));
    }

    @Test
    void eachBadFieldHasItsMessageInFormOrder() {
        Map<String, String> problems = ChannelFields.problems(new ChannelSpec("bad name", "/abs/x.sdp", null, null, -1, 51,
                List.of(), "../x.mp4", "a\nb", null, "x".repeat(1025)));
        assertEquals(List.of("name", "mount", "kind", "mode", "recentWindow", "upcomingCount", "items", "referenceItem",
                "title", "description"), List.copyOf(problems.keySet()));
        assertEquals("1 to 64 letters, digits, '.', '_' or '-'.", problems.get("name"));
        assertEquals("A path under the media root: not starting with '/', no '..', no '\\' or '\"', at most 1024 characters.",
                problems.get("mount"));
        assertEquals("A whole number from 0 to 50.", problems.get("upcomingCount"));
        assertEquals("At least one item is needed.", problems.get("items"));
    }

    @Test
    void theMountIsNeededAndMayNotLeaveTheMediaRoot() {
        assertEquals("A mount is needed: where the channel is served, e.g. channels/news.sdp or radio/jazz.",
                ChannelFields.problems(spec("a", null, ONE)).get("mount"));
        assertEquals("A mount is needed: where the channel is served, e.g. channels/news.sdp or radio/jazz.",
                ChannelFields.problems(spec("a", "  ", ONE)).get("mount"));
        for (String bad : List.of("..", "../x.sdp", "a/../../x.sdp", "a/..", "a\\b.sdp", "/x.sdp")) {
            assertEquals(List.of("mount"), List.copyOf(ChannelFields.problems(spec("a", bad, ONE)).keySet()), bad);
        }
        assertEquals(Map.of(), ChannelFields.problems(spec("a", "a..b/x..sdp", ONE)), "dots inside a name are fine");
    }

    @Test
    void itemsNeedAGoodPathAndAWeightFromOneToTen() {
        assertNull(ChannelFields.itemsProblem(List.of(new ChannelSpec.Item("a.mp4", 1), new ChannelSpec.Item("b.mp4", 10))));
        assertEquals("Item 2: the weight must be 1 to 10.", ChannelFields.itemsProblem(List.of(
                new ChannelSpec.Item("a.mp4", 1), new ChannelSpec.Item("b.mp4", 11))));
        assertEquals("Item 1: the weight must be 1 to 10.", ChannelFields.itemsProblem(List.of(new ChannelSpec.Item("a.mp4", 0))));
        assertEquals("Item 1: a file under the media root: not starting with '/', no '..', no '\\' or '\"', at most 1024 characters.",
                ChannelFields.itemsProblem(List.of(new ChannelSpec.Item("/etc/passwd", 5))));
        assertEquals("Item 1: a file under the media root: not starting with '/', no '..', no '\\' or '\"', at most 1024 characters.",
                ChannelFields.itemsProblem(List.of(new ChannelSpec.Item("a\"b.mp4", 5))));
    }

    @Test
    void atMostTheParsersItemLimit() {
        List<ChannelSpec.Item> many = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            many.add(new ChannelSpec.Item("a.mp4", 10));
        }
        assertEquals("At most 10000 items.", ChannelFields.itemsProblem(many));
        assertNull(ChannelFields.itemsProblem(many.subList(0, 10_000)));
    }
}
