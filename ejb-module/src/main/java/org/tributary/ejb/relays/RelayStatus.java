package org.tributary.ejb.relays;

import org.tributary.api.RelayDefinition;
import org.tributary.api.RelayInfo;

import java.io.Serializable;
import java.time.Instant;

/**
 * A stored relay with what the adapter runs of it now. Carries no password: only whether one is stored.
 *
 * @param spec        its definition, its password left out (null)
 * @param hasPassword whether a password is stored
 * @param info        the adapter's state of it, or null when the adapter does not run it
 * @param created     when it was created
 * @param updated     when its definition last changed
 * @param onOrigin    whether this server is a cluster edge, whose adapter runs no relays: the origin runs them
 */
public record RelayStatus(RelaySpec spec, boolean hasPassword, RelayInfo info, Instant created, Instant updated,
                          boolean onOrigin) implements Serializable {

    /** The state of an enabled relay seen from an edge: the origin runs it, and edges pull its path on demand. */
    public static final String ON_ORIGIN = "on the origin";

    static final String NOT_RUNNING = "not running: the streaming adapter does not run it (it forgets its relays when"
            + " it restarts; they are handed to it again at the next deployment, or save or enable the relay)";

    public RelayStatus {
        spec = spec.withPassword(null);
    }

    /** A relay on a single server or the origin. */
    public RelayStatus(RelaySpec spec, boolean hasPassword, RelayInfo info, Instant created, Instant updated) {
        this(spec, hasPassword, info, created, updated, false);
    }

    static RelayStatus of(Relay r, RelayInfo info, boolean onOrigin) {
        RelaySpec stored = r.spec();
        return new RelayStatus(stored, stored.hasPassword(), info, r.getCreated(), r.getUpdated(), onOrigin);
    }

    public String name() {
        return spec.name();
    }

    /** "always", or "on-demand" for an on-demand pull relay. */
    public String mode() {
        if (info != null && info.mode() != null) {
            return info.mode();
        }
        return spec.direction() == RelayDefinition.Direction.PULL && spec.onDemand() ? "on-demand" : "always";
    }

    /**
     * The adapter's state ("idle", "connecting", "playing", "backing off", "waiting", "disabled"); when the
     * adapter does not run it, "disabled" for a disabled relay, "on the origin" on a cluster edge, else "not running".
     */
    public String state() {
        if (info != null) {
            return info.state();
        }
        if (!spec.enabled()) {
            return "disabled";
        }
        return onOrigin ? ON_ORIGIN : "not running";
    }

    /** The adapter's last error; for an enabled relay the adapter does not run, why. Null when none. */
    public String lastError() {
        if (info != null) {
            return info.lastError();
        }
        return spec.enabled() && !onOrigin ? NOT_RUNNING : null;
    }

    public Instant lastErrorAt() {
        return info == null ? null : info.lastErrorAt();
    }

    public long bitsPerSecond() {
        return info == null ? 0 : info.bitsPerSecond();
    }

    public int viewers() {
        return info == null ? 0 : info.viewers();
    }

    public long reconnects() {
        return info == null ? 0 : info.reconnects();
    }

    public Instant connectedAt() {
        return info == null ? null : info.connectedAt();
    }

    public String codecs() {
        return info == null ? null : info.codecs();
    }
}
