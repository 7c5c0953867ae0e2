package de.henk.hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Durations are written with their unit now ({@code henk.mail.poll-interval: 1s}); an installation that still sets
 * the old milliseconds key ({@code HENK_MAIL_POLL_INTERVAL_MS=200}) keeps its setting, and is told to move on.
 */
@ExtendWith(OutputCaptureExtension.class)
class OldMillisecondKeysStillWorkTest {

    /** The jar's application.yml (new keys), with what an operator set on top. */
    private static StandardEnvironment hub(Map<String, Object> environmentVariables, Map<String, Object> commandLine) {
        StandardEnvironment environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.addFirst(new SystemEnvironmentPropertySource("env", environmentVariables));
        sources.addFirst(new MapPropertySource("commandLine", commandLine));
        sources.addLast(new MapPropertySource("application.yml", Map.of("henk.mail.poll-interval", "1s",
                "henk.crm.outbox.claim-ttl", "1m", "henk.pipedrive.timeout", "10s")));
        new LegacyMillisecondKeys().postProcessEnvironment(environment, null);
        ConfigurationPropertySources.attach(environment);
        return environment;
    }

    @Test
    void anOldKeySetByTheOperatorIsReadAsMilliseconds(CapturedOutput output) {
        StandardEnvironment environment = hub(Map.of("HENK_MAIL_POLL_INTERVAL_MS", "200"),
                Map.of("henk.crm.outbox.claim-ttl-ms", "5000"));

        assertThat(environment.getProperty("henk.mail.poll-interval")).as("a route's {{henk.mail.poll-interval}}")
                .isEqualTo("200ms");
        assertThat(Binder.get(environment).bind("henk.mail.poll-interval", Duration.class).get())
                .isEqualTo(Duration.ofMillis(200));
        assertThat(Binder.get(environment).bind("henk.crm.outbox.claim-ttl", Duration.class).get())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(output).contains("henk.mail.poll-interval-ms is deprecated: set henk.mail.poll-interval instead");
    }

    @Test
    void theNewKeyWinsWhereItIsSetAboveTheOldOne() {
        StandardEnvironment environment = hub(Map.of("HENK_MAIL_POLL_INTERVAL_MS", "200"),
                Map.of("henk.mail.poll-interval", "3s"));

        assertThat(Binder.get(environment).bind("henk.mail.poll-interval", Duration.class).get())
                .isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void withoutOldKeysTheDefaultsStand(CapturedOutput output) {
        StandardEnvironment environment = hub(Map.of(), Map.of());

        assertThat(Binder.get(environment).bind("henk.pipedrive.timeout", Duration.class).get())
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(output).doesNotContain("is deprecated");
    }

    @Test
    void aRouteFileThatStillNamesTheOldKeyGetsTheNewSettingInMilliseconds() {
        StandardEnvironment environment = hub(Map.of(), Map.of());

        assertThat(environment.getProperty("henk.mail.poll-interval-ms")).isEqualTo("1000");
        assertThat(environment.getProperty("henk.crm.outbox.claim-ttl-ms")).isEqualTo("60000");
    }

    @Test
    void everyOldKeyEndsInMsAndNamesItsNewKey() {
        LegacyMillisecondKeys.RENAMED.forEach((old, renamed) -> assertThat(old).isEqualTo(renamed + "-ms"));
    }
}
