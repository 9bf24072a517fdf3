package org.tributary.live.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The broadcasters file: sections, defaults, continued command lines, and a line-numbered error for each mistake. */
class BroadcastersFileTest {

    private static final String EXAMPLE = """
            # local sources
            [pattern]
            path = /live/pattern.sdp
            mode = on-demand
            linger = 5
            start-timeout = 20
            command = ffmpeg -re -f lavfi -i testsrc2=size=320x240:rate=25
                      -c:v libx264 -f rtsp {url}

            [camera]
            command = ffmpeg -f v4l2 -i "/dev/video 0" -f rtsp {url}
            mode = always
            path = /live/camera.sdp
            """;

    @Test
    void sectionsBecomeDefinitionsInFileOrderWithDefaults() throws Exception {
        List<BroadcasterDefinition> all = BroadcastersFile.parse("b.conf", EXAMPLE);
        assertEquals(List.of(
                new BroadcasterDefinition("pattern", "/live/pattern.sdp", List.of("ffmpeg", "-re", "-f", "lavfi", "-i",
                        "testsrc2=size=320x240:rate=25", "-c:v", "libx264", "-f", "rtsp", "{url}"),
                        StartMode.ON_DEMAND, 5, 20),
                new BroadcasterDefinition("camera", "/live/camera.sdp", List.of("ffmpeg", "-f", "v4l2", "-i",
                        "/dev/video 0", "-f", "rtsp", "{url}"), StartMode.ALWAYS, 10, 15)), all);
    }

    @Test
    void modeDefaultsToOnDemandAndAnEmptyFileDefinesNothing() throws Exception {
        assertEquals(StartMode.ON_DEMAND, BroadcastersFile.parse("b", "[a]\npath=/a\ncommand=true\n").get(0).mode());
        assertEquals(List.of(), BroadcastersFile.parse("b", "# nothing yet\n\n"));
    }

    @Test
    void aMissingFileDefinesNothingAndAFileOnDiskIsRead() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "broadcasters-file-test"));
        assertEquals(List.of(), BroadcastersFile.load(dir.resolve("none.conf")));
        Path file = Files.writeString(dir.resolve("b.conf"), EXAMPLE);
        assertEquals(2, BroadcastersFile.load(file).size());
    }

    @Test
    void eachMistakeNamesTheFileAndItsLine() {
        assertProblem("b.conf line 2: unknown key 'paht' (path, mode, linger, start-timeout, command)",
                "[a]\npaht = /a\ncommand = x\n");
        assertProblem("b.conf line 1: 'path' before the first [name]", "path = /a\n");
        assertProblem("b.conf line 1: [a] has no command", "[a]\npath = /a\n");
        assertProblem("b.conf line 1: [a] has no path", "[a]\ncommand = x\n");
        assertProblem("b.conf line 3: 'path' given twice for [a]", "[a]\npath = /a\npath = /b\ncommand = x\n");
        assertProblem("b.conf line 2: the path of [a] must start with / and name a stream, without blanks: a",
                "[a]\npath = a\ncommand = x\n");
        assertProblem("b.conf line 3: mode 'sometimes' is neither 'always' nor 'on-demand'",
                "[a]\npath = /a\nmode = sometimes\ncommand = x\n");
        assertProblem("b.conf line 3: linger of [a] must be whole seconds from 0 to 86400: -1",
                "[a]\npath = /a\nlinger = -1\ncommand = x\n");
        assertProblem("b.conf line 3: start-timeout of [a] must be whole seconds from 1 to 600: soon",
                "[a]\npath = /a\nstart-timeout = soon\ncommand = x\n");
        assertProblem("b.conf line 3: the command has an unclosed ' quote", "[a]\npath = /a\ncommand = x 'y\n");
        assertProblem("b.conf line 4: a second broadcaster named 'a'", "[a]\npath = /a\ncommand = x\n[a]\n");
        assertProblem("b.conf line 5: [b] publishes to /a, as the broadcaster on line 1 does",
                "[a]\npath = /a\ncommand = x\n[b]\npath = /a\ncommand = y\n");
        assertProblem("b.conf line 1: an indented line continues nothing", "  -i x\n");
        assertProblem("b.conf line 2: expected 'key = value', [name] or # comment: just words",
                "[a]\njust words\n");
        assertProblem("b.conf line 1: a section is [name], the name of letters, digits, '.', '_' and '-' (at most"
                + " 64): [a b]", "[a b]\n");
    }

    private static void assertProblem(String message, String text) {
        assertEquals(message, assertThrows(BroadcastersFile.MalformedException.class,
                () -> BroadcastersFile.parse("b.conf", text)).getMessage());
    }
}
