package org.tributary.live.local;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A command line becomes its arguments without a shell: blanks split, quotes and backslashes keep. */
class CommandWordsTest {

    @Test
    void blanksSeparateArgumentsAndShellCharactersArePlain() {
        assertEquals(List.of("ffmpeg", "-i", "a;b", "$HOME", "|", "*.mp4"),
                CommandWords.split("  ffmpeg\t-i  a;b $HOME | *.mp4 "));
    }

    @Test
    void quotesKeepBlanksInsideOneArgument() {
        assertEquals(List.of("-vf", "drawtext=text='live now'", "it's", ""),
                CommandWords.split("-vf \"drawtext=text='live now'\" it\\'s \"\""));
    }

    @Test
    void anUnclosedQuoteOrATrailingBackslashIsRefused() {
        assertEquals("the command has an unclosed \" quote",
                assertThrows(IllegalArgumentException.class, () -> CommandWords.split("a \"b c")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CommandWords.split("a b\\"));
    }
}
