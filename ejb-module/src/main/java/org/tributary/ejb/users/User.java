package org.tributary.ejb.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.tributary.api.access.UserHashes;

/**
 * A streaming user. Holds H(name:realm:password) with MD5 and SHA-256, never the password; a user
 * imported from a Darwin qtusers file has only the MD5 value (and keeps its crypt() field for export).
 */
@Entity
@Table(name = "stream_user")
@NamedQuery(name = User.ALL, query = "select u from User u order by u.name")
@NamedQuery(name = User.BY_NAME, query = "select u from User u where u.name = :name")
public class User {

    static final String ALL = "User.all";
    static final String BY_NAME = "User.byName";

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, unique = true, length = 255)
    private String name;

    @Column(nullable = false, length = 255)
    private String realm;

    @Column(name = "ha1_md5", length = 32)
    private String ha1Md5;

    @Column(name = "ha1_sha256", length = 64)
    private String ha1Sha256;

    /** The crypt() field of an imported qtusers line, only written back on export; never used to log in. */
    @Column(name = "darwin_crypt", length = 128)
    private String darwinCrypt;

    protected User() {
    }

    public User(String name, String realm) {
        this.name = name;
        this.realm = realm;
    }

    public String getName() {
        return name;
    }

    public String getRealm() {
        return realm;
    }

    public String getHa1Md5() {
        return ha1Md5;
    }

    public String getHa1Sha256() {
        return ha1Sha256;
    }

    public String getDarwinCrypt() {
        return darwinCrypt;
    }

    public void setHashes(String realm, String ha1Md5, String ha1Sha256, String darwinCrypt) {
        this.realm = realm;
        this.ha1Md5 = ha1Md5;
        this.ha1Sha256 = ha1Sha256;
        this.darwinCrypt = darwinCrypt;
    }

    public UserHashes hashes() {
        return new UserHashes(name, realm, ha1Md5, ha1Sha256);
    }
}
