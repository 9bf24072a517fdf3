package org.tributary.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** "tributary-live": every sender loop is running. */
@Liveness
@ApplicationScoped
public class TributaryLiveness implements HealthCheck {

    @Inject
    HealthInputs inputs;

    @Override
    public HealthCheckResponse call() {
        HealthInputs.AdapterRead read = inputs.adapter();
        return HealthInputs.response("tributary-live", HealthVerdicts.liveness(read.metrics(), read.error()));
    }
}
