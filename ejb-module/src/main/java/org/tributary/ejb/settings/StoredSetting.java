package org.tributary.ejb.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One setting an administrator saved, by field name. Only such fields are stored: every other one keeps
 * following the run's {@code -Dtributary.*} properties.
 */
@Entity
@Table(name = "server_setting")
public class StoredSetting {

    @Id
    @Column(length = 64)
    private String name;

    @Column(name = "setting_value", nullable = false, length = 1024)
    private String value;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected StoredSetting() {
    }

    public StoredSetting(String name, String value) {
        this.name = name;
        set(value);
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    public void set(String newValue) {
        this.value = newValue;
        this.changedAt = Instant.now();
    }
}
