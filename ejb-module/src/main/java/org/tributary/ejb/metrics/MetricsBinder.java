package org.tributary.ejb.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.tributary.ejb.adapter.AdapterClient;

import java.util.logging.Logger;

/**
 * Puts the {@code tributary_*} meters on the registry WildFly's micrometer subsystem gives the deployment,
 * and takes them off when the deployment stops. Without the subsystem there is no registry: nothing is
 * registered and a line says so.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MetricsBinder {

    private static final Logger LOG = Logger.getLogger(MetricsBinder.class.getName());

    @Inject
    private Instance<MeterRegistry> registries;

    @EJB
    private AdapterClient adapter;

    private TributaryMeters meters;

    @PostConstruct
    void bind() {
        if (!registries.isResolvable()) {
            LOG.info("no Micrometer registry (the micrometer subsystem is not configured): tributary_* metrics are off");
            return;
        }
        AdapterClient client = adapter;
        meters = new TributaryMeters(registries.get(), client::metrics, System::nanoTime);
        meters.register();
        LOG.info("tributary_* metrics registered (" + meters.meters().size() + " meters)");
    }

    /** Meters for labels first seen between scrapes (a new refusal status, a new transport). */
    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void registerNewLabels() {
        if (meters != null) {
            meters.current();
        }
    }

    @PreDestroy
    void unbind() {
        if (meters != null) {
            meters.unregister();
        }
    }
}
