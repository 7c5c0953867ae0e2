package de.henk.hub.system;

import org.apache.camel.component.kamelet.KameletComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The kamelet component, looking for {@code <name>.kamelet.yaml} where the routes come from ({@link RouteLocation}):
 * the routes folder first, then the jar. There is no Spring Boot starter for camel-kamelet at this Camel version,
 * so its location is set here rather than as {@code camel.component.kamelet.location}.
 */
@Configuration(proxyBeanMethods = false)
public class KameletLocation {

    @Bean("kamelet")
    KameletComponent kamelet(Environment environment) {
        KameletComponent kamelets = new KameletComponent();
        kamelets.setLocation(environment.getProperty(RouteLocation.KAMELETS, RouteLocation.CLASSPATH_KAMELETS));
        return kamelets;
    }
}
