package org.tributary.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** "tributary-ready": the adapter's listeners are bound and the database answers. */
@Readiness
@ApplicationScoped
public class TributaryReadiness implements HealthCheck {

    @Inject
    HealthInputs inputs;

    @Override
    public HealthCheckResponse call() {
        HealthInputs.AdapterRead read = inputs.adapter();
        return HealthInputs.response("tributary-ready",
                HealthVerdicts.readiness(read.metrics(), read.error(), inputs.databaseProblem()));
    }
}
