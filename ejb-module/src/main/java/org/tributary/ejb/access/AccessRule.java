package org.tributary.ejb.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A rule on a media path prefix ("" is the whole media root). The most specific rule (longest prefix)
 * that covers a path decides, as a qtaccess file in a deeper folder overrides the ones above it.
 */
@Entity
@Table(name = "access_rule")
@NamedQuery(name = AccessRule.ALL, query = "select r from AccessRule r order by r.pathPrefix")
public class AccessRule {

    static final String ALL = "AccessRule.all";

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "path_prefix", nullable = false, unique = true, length = 1024)
    private String pathPrefix;

    @Column(name = "allow_read", nullable = false)
    private boolean allowRead;

    @Column(length = 512)
    private String note;

    protected AccessRule() {
    }

    public AccessRule(String pathPrefix, boolean allowRead, String note) {
        this.pathPrefix = pathPrefix;
        this.allowRead = allowRead;
        this.note = note;
    }

    public Long getId() {
        return id;
    }

    public String getPathPrefix() {
        return pathPrefix;
    }

    public boolean isAllowRead() {
        return allowRead;
    }

    public String getNote() {
        return note;
    }

    /** True when this rule covers the path: the prefix is the path itself or one of its folders. */
    public boolean covers(String path) {
        if (pathPrefix.isEmpty() || path.equals(pathPrefix)) {
            return true;
        }
        String folder = pathPrefix.endsWith("/") ? pathPrefix : pathPrefix + "/";
        return path.startsWith(folder);
    }
}
