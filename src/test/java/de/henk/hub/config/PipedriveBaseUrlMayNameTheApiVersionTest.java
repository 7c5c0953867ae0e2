package de.henk.hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Pipedrive's documentation writes its base URL with the API version ({@code https://api.pipedrive.com/api/v2},
 * {@code https://yourcompany.pipedrive.com/v1}); the hub adds the version to each call itself, so an operator (or a
 * stand-in's README) that sets the documented URL must not make every call {@code /api/v2/api/v2/deals}.
 */
class PipedriveBaseUrlMayNameTheApiVersionTest {

    private static StandardEnvironment hub(Map<String, Object> environmentVariables) {
        StandardEnvironment environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.addFirst(new SystemEnvironmentPropertySource("env", environmentVariables));
        sources.addLast(new MapPropertySource("application.yml",
                Map.of("henk.pipedrive.base-url", "https://api.pipedrive.com")));
        new PipedriveBaseUrl().postProcessEnvironment(environment, null);
        ConfigurationPropertySources.attach(environment);
        return environment;
    }

    @Test
    void theVersionAndTrailingSlashesAreTakenOff() {
        assertThat(PipedriveBaseUrl.root("https://api.pipedrive.com/api/v2")).isEqualTo("https://api.pipedrive.com");
        assertThat(PipedriveBaseUrl.root("https://api.pipedrive.com/api/v2/")).isEqualTo("https://api.pipedrive.com");
        assertThat(PipedriveBaseUrl.root("https://acme.pipedrive.com/v1")).isEqualTo("https://acme.pipedrive.com");
        assertThat(PipedriveBaseUrl.root("https://acme.pipedrive.com/api/v1/")).isEqualTo("https://acme.pipedrive.com");
        assertThat(PipedriveBaseUrl.root("http://localhost:8622/")).isEqualTo("http://localhost:8622");
        assertThat(PipedriveBaseUrl.root("http://stand-in:9000/pipedrive/api/v2"))
                .as("a path prefix of the stand-in's own stays").isEqualTo("http://stand-in:9000/pipedrive");
        assertThat(PipedriveBaseUrl.root("https://api.pipedrive.com")).isEqualTo("https://api.pipedrive.com");
        assertThat(PipedriveBaseUrl.root("http://v2")).as("a host is never cut").isEqualTo("http://v2");
    }

    @Test
    void theEnvironmentVariableIsReadAsTheRoot() {
        StandardEnvironment environment = hub(Map.of("HENK_PIPEDRIVE_BASE_URL", "http://localhost:8622/api/v2/"));

        assertThat(environment.getProperty("henk.pipedrive.base-url")).isEqualTo("http://localhost:8622");
        // the route's {{henk.pipedrive.api-root}}: Camel would take HENK_PIPEDRIVE_BASE_URL itself, unchanged, for a
        // placeholder of henk.pipedrive.base-url (its environment variables come before Spring's properties)
        assertThat(environment.getProperty("henk.pipedrive.api-root")).isEqualTo("http://localhost:8622");
        assertThat(Binder.get(environment).bind("henk.pipedrive", HenkProperties.Pipedrive.class).get().baseUrl())
                .isEqualTo("http://localhost:8622");
    }

    @Test
    void theDefaultStaysAsItIs() {
        assertThat(hub(Map.of()).getProperty("henk.pipedrive.base-url")).isEqualTo("https://api.pipedrive.com");
        assertThat(hub(Map.of()).getProperty("henk.pipedrive.api-root")).isEqualTo("https://api.pipedrive.com");
    }
}
