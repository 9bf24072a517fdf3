package org.tributary.ejb.adapter;

/**
 * A stored relay or channel changed on a cluster edge, whose adapter runs none: the origin has to make its adapter
 * match the store. Fired (CDI) by the relay and channel services where an edge skips the adapter; {@code ejb.cluster}
 * observes it after the commit and leaves the origin a command.
 *
 * @param kind what changed
 * @param name its name (it may be deleted by now)
 */
public record StoredDefinitionChanged(Kind kind, String name) {

    /** What a definition defines. */
    public enum Kind {
        RELAY, CHANNEL;

        /** "relay" or "channel", for messages. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static StoredDefinitionChanged relay(String name) {
        return new StoredDefinitionChanged(Kind.RELAY, name);
    }

    public static StoredDefinitionChanged channel(String name) {
        return new StoredDefinitionChanged(Kind.CHANNEL, name);
    }

    /** "relay 'name'", for messages. */
    public String describe() {
        return kind.label() + " '" + name + "'";
    }
}
