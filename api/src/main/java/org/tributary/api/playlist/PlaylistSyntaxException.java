package org.tributary.api.playlist;

import java.util.List;

/** A playlist or config file that cannot be used, with every problem found as {@code file:line: message}. */
public class PlaylistSyntaxException extends Exception {

    private final List<String> errors;

    public PlaylistSyntaxException(List<String> errors) {
        super(errors.isEmpty() ? "invalid" : errors.get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
        this.errors = List.copyOf(errors);
    }

    /** Each problem as {@code file:line: message}, in file order (an include's problems where it is included). */
    public List<String> errors() {
        return errors;
    }
}
