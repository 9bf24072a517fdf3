package org.tributary.live.local;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line of the broadcasters file into its arguments, with no shell: words are separated by
 * blanks; double or single quotes keep blanks inside one argument; a backslash takes the next character
 * literally. Nothing else is special ({@code $}, {@code |}, {@code ;}, {@code *} are plain characters).
 */
final class CommandWords {

    private CommandWords() {
    }

    /** @throws IllegalArgumentException for an unclosed quote or a trailing backslash */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                if (++i == line.length()) {
                    throw new IllegalArgumentException("the command ends with a lone backslash");
                }
                word.append(line.charAt(i));
                inWord = true;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("the command has an unclosed " + quote + " quote");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
