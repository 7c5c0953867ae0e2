package de.henk.hub.system;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.model.Model;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The hub is its routes: with none loaded (a wrong routes folder, an empty pattern) every API call would be a 404
 * while health said UP. Start-up fails with the folder it looked in, and {@code routes} in health (part of the
 * readiness group) is DOWN while any route is not started.
 */
@Component("routes")
public class LoadedRoutes implements HealthIndicator {

    private final CamelContext camel;
    private final Environment environment;

    public LoadedRoutes(CamelContext camel, Environment environment) {
        this.camel = camel;
        this.environment = environment;
    }

    @EventListener(ApplicationStartedEvent.class)
    public void refuseToRunWithoutRoutes() {
        // the route definitions read from the files: Camel itself may start later (a route test advises it first)
        boolean noneLoaded = camel.getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinitions()
                .isEmpty();
        if (noneLoaded && camel.getRoutes().isEmpty()) {
            throw new IllegalStateException("No Camel routes were loaded from "
                    + environment.getProperty(RouteLocation.PATTERN)
                    + " - point henk.routes.dir at the folder of the *.camel.yaml files, or remove it to use the"
                    + " routes inside the jar");
        }
    }

    @Override
    public Health health() {
        List<Route> routes = camel.getRoutes();
        List<String> stopped = routes.stream()
                .filter(route -> camel.getRouteController().getRouteStatus(route.getRouteId()) != ServiceStatus.Started)
                .map(Route::getRouteId).toList();
        Health.Builder health = routes.isEmpty() || !stopped.isEmpty() ? Health.down() : Health.up();
        health.withDetail("loaded", routes.size()).withDetail("source", environment.getProperty(RouteLocation.PATTERN,
                "(not set)"));
        if (!stopped.isEmpty()) {
            health.withDetail("not_started", stopped);
        }
        return health.build();
    }
}
