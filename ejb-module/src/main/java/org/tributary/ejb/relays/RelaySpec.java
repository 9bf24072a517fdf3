package org.tributary.ejb.relays;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tributary.api.RelayDefinition;

import java.io.Serializable;

/**
 * A relay's definition as the console, the API and the Darwin import give it, before it is checked: the
 * constraints are the formats of single fields ({@link RelayFields} checks them, and the URL). A blank user is
 * null; the password is kept as given (null: none given, which an update reads as "keep the stored one").
 *
 * @param name          its key: 1 to 64 letters, digits, '.', '_' or '-'
 * @param direction     pull or push; null when not given (a problem)
 * @param path          the path on this server, relative to the media root ({@code live/camera1.sdp})
 * @param url           the other server's rtsp:// or rtsps:// URL, without credentials
 * @param user          the user name given to the other server, or null
 * @param password      its password, or null
 * @param transport     "tcp" or "udp"
 * @param onDemand      pull only: connected while someone watches (else always)
 * @param lingerSeconds how long an on-demand relay stays connected with no viewer, 0 to 3600
 * @param enabled       false keeps the definition but runs nothing
 */
public record RelaySpec(
        @NotNull(message = "{relay.name}") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "{relay.name}") String name,
        @NotNull(message = "{relay.direction}") RelayDefinition.Direction direction,
        @NotBlank(message = "{relay.path.needed}") @Size(max = 1024, message = "{relay.path}")
        @Pattern(regexp = MEDIA_PATH, message = "{relay.path}") String path,
        @NotBlank(message = "{relay.url.needed}") @Size(max = 2048, message = "{relay.url}") String url,
        @Size(max = 255, message = "{relay.user}") @Pattern(regexp = "[^:\\x00-\\x1F\\x7F]*", message = "{relay.user}") String user,
        @Size(max = 255, message = "{relay.password}") @Pattern(regexp = TEXT, message = "{relay.password}") String password,
        @NotNull(message = "{relay.transport}") @Pattern(regexp = "tcp|udp", message = "{relay.transport}") String transport,
        boolean onDemand,
        @Min(value = 0, message = "{relay.linger}") @Max(value = MAX_LINGER, message = "{relay.linger}") int lingerSeconds,
        boolean enabled) implements Serializable {

    /** A path under the media root: not absolute, no ".." segment, no backslash, quote or control character. */
    static final String MEDIA_PATH = "(?!/)(?!(.*/)?\\.\\.(/.*)?$)[^\\\\\"\\x00-\\x1F\\x7F]*";
    /** One line of text. */
    static final String TEXT = "[^\\x00-\\x1F\\x7F]*";
    /** The longest linger of an on-demand relay, in seconds. */
    public static final int MAX_LINGER = 3600;
    /** The linger when none is given. */
    public static final int DEFAULT_LINGER = 30;

    public RelaySpec {
        user = user == null || user.isBlank() ? null : user;
    }

    /** The same relay with another password (null: none). */
    public RelaySpec withPassword(String newPassword) {
        return new RelaySpec(name, direction, path, url, user, newPassword, transport, onDemand, lingerSeconds, enabled);
    }

    /** The same relay, enabled or not. */
    public RelaySpec withEnabled(boolean on) {
        return new RelaySpec(name, direction, path, url, user, password, transport, onDemand, lingerSeconds, on);
    }

    /** Whether a password is given (an empty one is none). */
    public boolean hasPassword() {
        return password != null && !password.isEmpty();
    }

    /** The adapter's definition of a checked spec ({@link RelayFields#problems} found nothing). */
    public RelayDefinition definition() {
        return new RelayDefinition(name, direction, path, url, user, hasPassword() ? password : null, transport,
                direction == RelayDefinition.Direction.PULL && onDemand, lingerSeconds, enabled);
    }

    @Override
    public String toString() { // never the password
        return "RelaySpec[" + name + " " + direction + " " + path + " " + url + " " + transport + "]";
    }
}
