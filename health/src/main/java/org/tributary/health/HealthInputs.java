package org.tributary.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.resource.ResourceException;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.tributary.api.AdapterMetrics;
import org.tributary.api.TributaryConnection;
import org.tributary.api.TributaryConnectionFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** What the checks read: the adapter's snapshot through its connection factory, and the database. */
@ApplicationScoped
public class HealthInputs {

    /** The datasource server-config defines (H2 or PostgreSQL); the EJBs' persistence unit uses it too. */
    static final String DATASOURCE = "java:jboss/datasources/TributaryDS";
    private static final int DATABASE_TIMEOUT_SECONDS = 2;

    @Resource(lookup = TributaryConnectionFactory.JNDI_NAME)
    private TributaryConnectionFactory adapter;

    @Resource(lookup = DATASOURCE)
    private DataSource database;

    /** The adapter's snapshot, or why it could not be read. */
    public record AdapterRead(AdapterMetrics metrics, String error) {
    }

    public AdapterRead adapter() {
        try (TributaryConnection connection = adapter.getConnection()) {
            return new AdapterRead(connection.metrics(), null);
        } catch (ResourceException | RuntimeException e) {
            return new AdapterRead(null, "the streaming adapter is not available: " + e.getMessage());
        }
    }

    /** Null when the database answered {@code SELECT 1}, else why not. */
    public String databaseProblem() {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(DATABASE_TIMEOUT_SECONDS);
            s.execute("SELECT 1");
            return null;
        } catch (SQLException | RuntimeException e) {
            return "not answering: " + e.getMessage();
        }
    }

    static HealthCheckResponse response(String name, HealthVerdict verdict) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(name).status(verdict.up());
        verdict.data().forEach((key, value) -> {
            if (value instanceof Number number) {
                builder.withData(key, number.longValue());
            } else {
                builder.withData(key, String.valueOf(value));
            }
        });
        return builder.build();
    }
}
