package org.apache.camel.component.resilience4j;

import org.apache.camel.Route;
import org.apache.camel.model.CircuitBreakerDefinition;
import org.apache.camel.model.Resilience4jConfigurationDefinition;

/**
 * camel-resilience4j 4.18.0 (the newest Maven Central serves) on the Camel 4.22 model. The one thing that differs:
 * 4.22 declares {@code waitDurationInOpenState} a duration ({@code 30s}, or milliseconds as a plain number), the
 * 4.18 reifier reads whole seconds. This reads it as 4.22 does and hands the 4.18 reifier seconds (rounded up, at
 * least one), so a route file says {@code waitDurationInOpenState: '{{henk.pipedrive.circuit-breaker.open-for}}'}
 * with a unit. It sits in this package because the method it adjusts is package-private. Delete it (and
 * {@code de.henk.hub.config.CircuitBreakers#circuitBreakerProcessors}) when camel-resilience4j 4.22 is served.
 */
public class DurationResilienceReifier extends ResilienceReifier {

    public DurationResilienceReifier(Route route, CircuitBreakerDefinition definition) {
        super(route, definition);
    }

    @Override
    Resilience4jConfigurationDefinition buildResilience4jConfiguration() throws Exception {
        Resilience4jConfigurationDefinition config = super.buildResilience4jConfiguration();
        if (config.getWaitDurationInOpenState() != null) {
            long millis = parseDuration(config.getWaitDurationInOpenState());
            config.setWaitDurationInOpenState(Long.toString(Math.max(1, (millis + 999) / 1000)));
        }
        return config;
    }
}
