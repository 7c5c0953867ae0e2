package de.henk.hub.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.component.resilience4j.DurationResilienceReifier;
import org.apache.camel.model.CircuitBreakerDefinition;
import org.apache.camel.processor.DefaultProcessorFactory;
import org.apache.camel.spi.ProcessorFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The circuit breakers are {@code circuitBreaker} steps in the route files, configured there
 * ({@code resilience4jConfiguration} with {@code {{placeholders}}}). Each step's breaker lives in this registry under
 * the step's id (camel-resilience4j takes the one registry it finds), so the beans that report on a breaker (health,
 * inline sync) can read its state without owning it.
 */
@Configuration(proxyBeanMethods = false)
public class CircuitBreakers {

    @Bean
    public CircuitBreakerRegistry circuitBreakerRegistry() {
        return CircuitBreakerRegistry.ofDefaults();
    }

    /**
     * Camel's processor factory, except that a {@code circuitBreaker} step is built by
     * {@link DurationResilienceReifier}: camel-resilience4j 4.18.0 on the 4.22 core, with the 4.22 meaning of
     * {@code waitDurationInOpenState}. Camel takes a single {@link ProcessorFactory} bean as its own.
     */
    @Bean
    public ProcessorFactory circuitBreakerProcessors() {
        return new DefaultProcessorFactory() {
            @Override
            public Processor createProcessor(Route route, NamedNode definition) throws Exception {
                if (definition instanceof CircuitBreakerDefinition circuitBreaker
                        && circuitBreaker.getFaultToleranceConfiguration() == null) {
                    return new DurationResilienceReifier(route, circuitBreaker).createProcessor();
                }
                return super.createProcessor(route, definition);
            }
        };
    }
}
