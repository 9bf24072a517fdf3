package org.tributary.ejb.access;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.tributary.ejb.users.NameListConverter;

import java.util.ArrayList;
import java.util.List;

/** A user allowed to publish live streams (ANNOUNCE/RECORD) under the given path prefixes. */
@Entity
@Table(name = "broadcaster_account")
@NamedQuery(name = BroadcasterAccount.ALL, query = "select b from BroadcasterAccount b order by b.userName")
public class BroadcasterAccount {

    static final String ALL = "BroadcasterAccount.all";

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "user_name", nullable = false, unique = true, length = 255)
    private String userName;

    @Convert(converter = NameListConverter.class)
    @Column(name = "path_prefixes", nullable = false, length = 4000)
    private List<String> pathPrefixes = new ArrayList<>();

    protected BroadcasterAccount() {
    }

    public BroadcasterAccount(String userName, List<String> pathPrefixes) {
        this.userName = userName;
        this.pathPrefixes = new ArrayList<>(pathPrefixes);
    }

    public String getUserName() {
        return userName;
    }

    public List<String> getPathPrefixes() {
        return List.copyOf(pathPrefixes);
    }

    public void setPathPrefixes(List<String> pathPrefixes) {
        this.pathPrefixes = new ArrayList<>(pathPrefixes);
    }

    /** Whether this account may publish at {@code path}. */
    public boolean covers(String path) {
        return pathPrefixes.stream().anyMatch(p -> AccessRule.prefixCovers(p, path));
    }
}
