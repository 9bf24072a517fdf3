package org.tributary.ejb.access;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.tributary.rtsp.header.AuthScheme;
import org.tributary.api.access.MediaPaths;
import org.tributary.ejb.users.NameListConverter;

import java.util.ArrayList;
import java.util.List;

/**
 * The rule of a media folder ("" is the whole media root), like a Darwin qtaccess file: the realm, the
 * authentication scheme (null = the server's), who may read, who may write (publish), and client address
 * blocks allowed and denied. The most specific rule (longest prefix) covering a path decides, so a rule
 * on a deeper folder overrides the ones above it.
 */
@Entity
@Table(name = "folder_rule")
@NamedQuery(name = AccessRule.ALL, query = "select r from AccessRule r order by r.pathPrefix")
public class AccessRule {

    static final String ALL = "AccessRule.all";

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "path_prefix", nullable = false, unique = true, length = 1024)
    private String pathPrefix;

    @Column(length = 255)
    private String realm;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private AuthScheme scheme;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "audience", column = @Column(name = "read_audience", length = 16)),
            @AttributeOverride(name = "users", column = @Column(name = "read_users", length = 4000)),
            @AttributeOverride(name = "groups", column = @Column(name = "read_groups", length = 4000))})
    private Permission read = Permission.of(Audience.ANYONE);

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "audience", column = @Column(name = "write_audience", length = 16)),
            @AttributeOverride(name = "users", column = @Column(name = "write_users", length = 4000)),
            @AttributeOverride(name = "groups", column = @Column(name = "write_groups", length = 4000))})
    private Permission write = Permission.of(Audience.NOBODY);

    @Convert(converter = NameListConverter.class)
    @Column(name = "allow_from", length = 4000)
    private List<String> allowFrom = new ArrayList<>();

    @Convert(converter = NameListConverter.class)
    @Column(name = "deny_from", length = 4000)
    private List<String> denyFrom = new ArrayList<>();

    @Column(length = 512)
    private String note;

    protected AccessRule() {
    }

    public AccessRule(String pathPrefix, Permission read, Permission write) {
        this.pathPrefix = pathPrefix;
        this.read = read;
        this.write = write;
    }

    /** A rule that lets anyone read, or nobody. */
    public AccessRule(String pathPrefix, boolean allowRead, String note) {
        this(pathPrefix, Permission.of(allowRead ? Audience.ANYONE : Audience.NOBODY), Permission.of(Audience.NOBODY));
        this.note = note;
    }

    public Long getId() {
        return id;
    }

    public String getPathPrefix() {
        return pathPrefix;
    }

    public boolean isAllowRead() {
        return read.getAudience() == Audience.ANYONE;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    /** The realm a client is challenged in; null means the default realm. */
    public String getRealm() {
        return realm;
    }

    public void setRealm(String realm) {
        this.realm = realm;
    }

    public AuthScheme getScheme() {
        return scheme;
    }

    public void setScheme(AuthScheme scheme) {
        this.scheme = scheme;
    }

    public Permission getRead() {
        return read;
    }

    public void setRead(Permission read) {
        this.read = read;
    }

    public Permission getWrite() {
        return write;
    }

    public void setWrite(Permission write) {
        this.write = write;
    }

    public List<String> getAllowFrom() {
        return List.copyOf(allowFrom);
    }

    public List<String> getDenyFrom() {
        return List.copyOf(denyFrom);
    }

    /** Sets the address blocks (CIDR); each is checked, and a bad one fails with its text. */
    public void setAddressBlocks(List<String> allow, List<String> deny) {
        allow.forEach(CidrBlock::parse);
        deny.forEach(CidrBlock::parse);
        this.allowFrom = new ArrayList<>(allow);
        this.denyFrom = new ArrayList<>(deny);
    }

    /** Denied when a deny block matches, or when allow blocks exist and none matches. */
    public boolean admitsAddress(String address) {
        if (denyFrom.stream().anyMatch(b -> CidrBlock.parse(b).contains(address))) {
            return false;
        }
        return allowFrom.isEmpty() || allowFrom.stream().anyMatch(b -> CidrBlock.parse(b).contains(address));
    }

    /** True when this rule covers the path: the prefix is the path itself or one of its folders. */
    public boolean covers(String path) {
        return prefixCovers(pathPrefix, path);
    }

    /**
     * On segment boundaries: "a/b" covers "a/b" and "a/b/c", not "a/bc". The prefix is compared in its
     * canonical spelling (rules stored before prefixes were normalized may hold "a//b").
     */
    static boolean prefixCovers(String prefix, String path) {
        String folder;
        try {
            folder = MediaPaths.normalize(prefix);
        } catch (MediaPaths.BadPathException e) {
            folder = prefix;
        }
        return folder.isEmpty() || path.equals(folder) || path.startsWith(folder + "/");
    }
}
