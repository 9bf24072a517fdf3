package org.tributary.ejb.darwin;

/** A line that could not be understood: {@code qtusers:7: ...}. */
public record ParseProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
