package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tributary.ejb.relays.RelaySpec;
import org.tributary.ejb.relays.RelayStatus;

import java.util.Locale;

/**
 * A relay ({@code /api/relays}): its stored definition and what the server runs of it now. Never its password
 * (only whether one is stored); its user only for admins.
 */
@JsonbNillable
@Schema(description = "A relay: its definition (never the password) and its state")
@JsonbPropertyOrder({"name", "direction", "path", "url", "user", "hasPassword", "transport", "mode", "onDemand",
        "lingerSeconds", "enabled", "state", "bitsPerSecond", "viewers", "reconnects", "connectedAt", "lastError",
        "lastErrorAt", "codecs"})
public record Relay(
        @Schema(required = true) String name,
        @Schema(required = true, enumeration = {"pull", "push"}) String direction,
        @Schema(required = true, description = "the path on this server, under the media root") String path,
        @Schema(required = true, description = "the other server's rtsp:// URL, without credentials") String url,
        @Schema(required = true, nullable = true, description = "the user given to the other server; null for viewers and operators") String user,
        @Schema(required = true, description = "whether a password is stored (it is never shown)") boolean hasPassword,
        @Schema(required = true, enumeration = {"tcp", "udp"}) String transport,
        @Schema(required = true, enumeration = {"always", "on-demand"}) String mode,
        @Schema(required = true) boolean onDemand,
        @Schema(required = true) int lingerSeconds,
        @Schema(required = true) boolean enabled,
        @Schema(required = true, enumeration = {"idle", "connecting", "playing", "backing off", "waiting", "disabled",
                "not running", "on the origin"}, description = "\"on the origin\": seen from a cluster edge, whose server runs no relays (the origin does)") String state,
        @Schema(required = true) long bitsPerSecond,
        @Schema(required = true, description = "readers of the relayed stream now (pull)") int viewers,
        @Schema(required = true) long reconnects,
        @Schema(required = true, nullable = true, format = "date-time") String connectedAt,
        @Schema(required = true, nullable = true) String lastError,
        @Schema(required = true, nullable = true, format = "date-time") String lastErrorAt,
        @Schema(required = true, nullable = true, description = "the relayed tracks' codecs") String codecs) {

    /**
     * @param showUser whether the caller may see the user name (admins)
     */
    public static Relay of(RelayStatus s, boolean showUser) {
        RelaySpec spec = s.spec();
        return new Relay(spec.name(), spec.direction().name().toLowerCase(Locale.ROOT), spec.path(), spec.url(),
                showUser ? spec.user() : null, s.hasPassword(), spec.transport(), s.mode(), spec.onDemand(),
                spec.lingerSeconds(), spec.enabled(), s.state(), s.bitsPerSecond(), s.viewers(), s.reconnects(),
                s.connectedAt() == null ? null : s.connectedAt().toString(), s.lastError(),
                s.lastErrorAt() == null ? null : s.lastErrorAt().toString(), s.codecs());
    }
}
