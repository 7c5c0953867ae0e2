package de.henk.hub.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Durations are written with their unit ({@code 2s}, {@code 500ms}, {@code 10m}). The settings that used to be plain
 * milliseconds under a {@code -ms} key keep working, with a warning: where an old key is set above the new one (an
 * environment variable such as {@code HENK_CRM_OUTBOX_POLL_INTERVAL_MS=200} over the jar's defaults), the new setting
 * reads it as milliseconds. A route file of one's own that still says {@code {{henk.mail.poll-interval-ms}}} gets the
 * new setting in milliseconds.
 */
public class LegacyMillisecondKeys implements EnvironmentPostProcessor {

    /** Old key (milliseconds) → new key (a duration). */
    static final Map<String, String> RENAMED;

    static {
        Map<String, String> renamed = new LinkedHashMap<>();
        renamed.put("henk.pipedrive.connect-timeout-ms", "henk.pipedrive.connect-timeout");
        renamed.put("henk.pipedrive.timeout-ms", "henk.pipedrive.timeout");
        renamed.put("henk.crm.outbox.poll-interval-ms", "henk.crm.outbox.poll-interval");
        renamed.put("henk.crm.outbox.base-backoff-ms", "henk.crm.outbox.base-backoff");
        renamed.put("henk.crm.outbox.max-backoff-ms", "henk.crm.outbox.max-backoff");
        renamed.put("henk.crm.outbox.claim-ttl-ms", "henk.crm.outbox.claim-ttl");
        renamed.put("henk.crm.outbox.inline-grace-ms", "henk.crm.outbox.inline-grace");
        renamed.put("henk.events.poll-interval-ms", "henk.events.poll-interval");
        renamed.put("henk.mail.poll-interval-ms", "henk.mail.poll-interval");
        RENAMED = Collections.unmodifiableMap(renamed);
    }

    private static final Logger log = LoggerFactory.getLogger(LegacyMillisecondKeys.class);

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addFirst(new Aliases(environment));
    }

    /**
     * Answers for both names of a renamed setting, looking the other name up when it is asked (property sources a
     * test or an embedding application adds later count too).
     */
    static final class Aliases extends PropertySource<Map<String, String>> {

        /** Not the source object: Spring would take a source that is an environment for nested property sources. */
        private final ConfigurableEnvironment environment;

        private final Map<String, String> oldByNew = new LinkedHashMap<>();
        /** Old keys already warned about (once per start). */
        private final Set<String> warned = ConcurrentHashMap.newKeySet();

        Aliases(ConfigurableEnvironment environment) {
            super("henkLegacyMillisecondKeys", RENAMED);
            this.environment = environment;
            RENAMED.forEach((old, renamed) -> oldByNew.put(renamed, old));
        }

        @Override
        public Object getProperty(String name) {
            String old = oldByNew.get(name);
            if (old != null) {
                // the new key: the old one's milliseconds, if it is set above (or without) the new one
                Object legacy = setAbove(old, name);
                if (legacy == null) {
                    return null;
                }
                if (warned.add(old)) {
                    log.warn("{} is deprecated: set {} instead, a duration with its unit such as 2s or 500ms ({} ms"
                            + " is used)", old, name, legacy);
                }
                String value = environment.resolvePlaceholders(String.valueOf(legacy)).strip();
                return value.matches("\\d+") ? value + "ms" : value;
            }
            String renamed = RENAMED.get(name);
            if (renamed != null && setAbove(name, renamed) == null) {
                // the old key asked for (a route file of one's own): the new setting in milliseconds
                String value = environment.getProperty(renamed);
                return value == null ? null : String.valueOf(DurationStyle.detectAndParse(value).toMillis());
            }
            return null;
        }

        /** The value of {@code key} when a property source sets it before any sets {@code other}; else null. */
        private Object setAbove(String key, String other) {
            ConfigurationPropertyName wanted = ConfigurationPropertyName.of(key);
            ConfigurationPropertyName rival = ConfigurationPropertyName.of(other);
            for (ConfigurationPropertySource adapted : OtherPropertySources.of(environment, this)) {
                if (adapted.getConfigurationProperty(rival) != null) {
                    return null;
                }
                ConfigurationProperty found = adapted.getConfigurationProperty(wanted);
                if (found != null) {
                    return found.getValue();
                }
            }
            return null;
        }
    }
}
