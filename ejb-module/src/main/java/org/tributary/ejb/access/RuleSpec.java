package org.tributary.ejb.access;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tributary.rtsp.header.AuthScheme;

import java.util.List;

/**
 * Everything a rule says, as the console, the API and the qtaccess import give it. The constraints are the
 * formats of single fields ({@link RuleFields} checks them, and what spans fields).
 *
 * @param pathPrefix the folder ("" = the whole media root)
 * @param realm      challenge realm; null = the default realm
 * @param scheme     authentication scheme; null = the server's
 * @param read       who may read
 * @param write      who may publish
 * @param allowFrom  CIDR blocks allowed (empty = every address)
 * @param denyFrom   CIDR blocks refused
 * @param note       free text
 */
public record RuleSpec(
        @Size(max = 1024, message = "{rule.path}") @Pattern(regexp = NO_PARENT, message = "{rule.path}") String pathPrefix,
        @Size(max = 255, message = "{streaming.realm}") @Pattern(regexp = "[^\"]*", message = "{streaming.realm}") String realm,
        AuthScheme scheme, Permission read, Permission write,
        List<@Pattern(regexp = CIDR, message = "{rule.block}") String> allowFrom,
        List<@Pattern(regexp = CIDR, message = "{rule.block}") String> denyFrom,
        @Size(max = 512, message = "{rule.note}") String note) {

    /** A folder under the media root: no ".." and no backslash. */
    static final String NO_PARENT = "(?s)(?!.*\\.\\.)[^\\\\]*";
    /** An address block: an IPv4 or IPv6 address and a prefix length. */
    static final String CIDR = "[0-9A-Fa-f:.]+/\\d{1,3}";

    public RuleSpec {
        allowFrom = allowFrom == null ? List.of() : List.copyOf(allowFrom);
        denyFrom = denyFrom == null ? List.of() : List.copyOf(denyFrom);
        read = read == null ? Permission.of(Audience.ANYONE) : read;
        write = write == null ? Permission.of(Audience.NOBODY) : write;
    }

    /** The same spec with other address blocks. */
    public RuleSpec withAddressBlocks(List<String> allow, List<String> deny) {
        return new RuleSpec(pathPrefix, realm, scheme, read, write, allow, deny, note);
    }
}
