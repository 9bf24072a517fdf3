package org.tributary.ejb.console;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** A console administrator: name, role, and the PBKDF2 hash of the password (never the password). */
@Entity
@Table(name = "console_account")
@NamedQuery(name = ConsoleAccount.ALL, query = "select a from ConsoleAccount a order by a.name")
@NamedQuery(name = ConsoleAccount.BY_NAME, query = "select a from ConsoleAccount a where a.name = :name")
@NamedQuery(name = ConsoleAccount.COUNT_ROLE, query = "select count(a) from ConsoleAccount a where a.role = :role")
public class ConsoleAccount {

    static final String ALL = "ConsoleAccount.all";
    static final String BY_NAME = "ConsoleAccount.byName";
    static final String COUNT_ROLE = "ConsoleAccount.countRole";

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ConsoleRole role;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ConsoleAccount() {
    }

    public ConsoleAccount(String name, ConsoleRole role, String passwordHash) {
        this.name = name;
        this.role = role;
        this.passwordHash = passwordHash;
        this.createdAt = Instant.now();
    }

    public String getName() {
        return name;
    }

    public ConsoleRole getRole() {
        return role;
    }

    public void setRole(ConsoleRole role) {
        this.role = role;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
