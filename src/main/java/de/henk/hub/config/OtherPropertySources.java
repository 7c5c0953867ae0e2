package de.henk.hub.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * The environment's property sources in precedence order as relaxed-binding sources (so {@code HENK_PIPEDRIVE_BASE_URL}
 * answers {@code henk.pipedrive.base-url}), without the asking source itself and Spring's attached view of all of
 * them: what a property source that derives a value from others ({@link LegacyMillisecondKeys},
 * {@link PipedriveBaseUrl}) reads, without asking itself again.
 */
final class OtherPropertySources {

    private OtherPropertySources() {
    }

    static List<ConfigurationPropertySource> of(ConfigurableEnvironment environment, PropertySource<?> self) {
        List<ConfigurationPropertySource> others = new ArrayList<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source == self || ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
                continue;
            }
            ConfigurationPropertySource adapted = ConfigurationPropertySource.from(source);
            if (adapted != null) {
                others.add(adapted);
            }
        }
        return others;
    }
}
