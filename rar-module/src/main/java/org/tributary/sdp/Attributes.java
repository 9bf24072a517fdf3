package org.tributary.sdp;

import java.util.List;
import java.util.Optional;

/** Look-ups in an ordered attribute list, shared by session and media descriptions. */
final class Attributes {

    private Attributes() {
    }

    static Optional<String> first(List<Attribute> attributes, String name) {
        for (Attribute a : attributes) {
            if (a.name().equals(name)) {
                return Optional.ofNullable(a.value());
            }
        }
        return Optional.empty();
    }

    static boolean has(List<Attribute> attributes, String name) {
        return attributes.stream().anyMatch(a -> a.name().equals(name));
    }
}
