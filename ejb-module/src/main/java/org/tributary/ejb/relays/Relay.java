package org.tributary.ejb.relays;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.tributary.api.RelayDefinition;

import java.time.Instant;

/**
 * A stored relay: its definition, the source of truth (the adapter runs what it is given and forgets it at a
 * restart; {@link RelaysAtStartup} hands the enabled ones over again). The password is stored as given: the
 * adapter has to send it to the other server, so it cannot be hashed; it is never shown back.
 */
@Entity
@Table(name = "stream_relay")
@NamedQuery(name = Relay.ALL, query = "select r from Relay r order by r.name")
@NamedQuery(name = Relay.BY_NAME, query = "select r from Relay r where r.name = :name")
public class Relay {

    static final String ALL = "Relay.all";
    static final String BY_NAME = "Relay.byName";

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "name", nullable = false, unique = true, length = 64)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "direction", nullable = false, length = 8)
    private RelayDefinition.Direction direction;

    @Column(name = "path", nullable = false, length = 1024)
    private String path;

    @Column(name = "url", nullable = false, length = 2048)
    private String url;

    @Column(name = "user_name", length = 255)
    private String user;

    @Column(name = "password", length = 255)
    private String password;

    @Column(name = "transport", nullable = false, length = 8)
    private String transport;

    @Column(name = "on_demand", nullable = false)
    private boolean onDemand;

    @Column(name = "linger_seconds", nullable = false)
    private int lingerSeconds;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant created;

    @Column(name = "updated_at", nullable = false)
    private Instant updated;

    protected Relay() {
    }

    public Relay(RelaySpec spec, Instant now) {
        this.name = spec.name();
        this.created = now;
        define(spec, now);
    }

    /** Takes a checked definition (the name stays), its password included. */
    void define(RelaySpec spec, Instant now) {
        direction = spec.direction();
        path = spec.path();
        url = spec.url();
        user = spec.user();
        password = spec.hasPassword() ? spec.password() : null;
        transport = spec.transport();
        onDemand = spec.onDemand();
        lingerSeconds = spec.lingerSeconds();
        enabled = spec.enabled();
        updated = now;
    }

    /** The definition as stored, with its password. */
    public RelaySpec spec() {
        return new RelaySpec(name, direction, path, url, user, password, transport, onDemand, lingerSeconds, enabled);
    }

    public String getName() {
        return name;
    }

    public boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled, Instant now) {
        this.enabled = enabled;
        this.updated = now;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getUpdated() {
        return updated;
    }
}
