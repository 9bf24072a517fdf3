package org.tributary.ejb.access;

import org.tributary.rtsp.header.AuthScheme;

import java.util.List;

/**
 * Everything a rule says, as the console, the API and the qtaccess import give it.
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
public record RuleSpec(String pathPrefix, String realm, AuthScheme scheme, Permission read, Permission write,
                       List<String> allowFrom, List<String> denyFrom, String note) {

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
