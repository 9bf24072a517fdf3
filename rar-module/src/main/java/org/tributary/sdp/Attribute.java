package org.tributary.sdp;

import java.util.Objects;

/** An a= line: {@code a=name:value}, or a property attribute {@code a=name} when value is null. */
public record Attribute(String name, String value) {

    public Attribute {
        Objects.requireNonNull(name, "name");
    }

    public static Attribute of(String name, String value) {
        return new Attribute(name, value);
    }

    public static Attribute flag(String name) {
        return new Attribute(name, null);
    }

    String format() {
        return value == null ? name : name + ":" + value;
    }
}
