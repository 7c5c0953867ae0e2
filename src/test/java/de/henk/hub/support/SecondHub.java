package de.henk.hub.support;

import de.henk.hub.HenkHubApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Another hub instance in the same JVM: same database, same Pipedrive simulator, its own port and pollers. */
public final class SecondHub implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondHub(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static SecondHub start(Map<String, String> overrides) throws Exception {
        Map<String, String> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("henk.data-dir", Files.createTempDirectory("henk-second-hub").toString());
        properties.put("spring.datasource.url", TestDatabase.url());
        properties.put("spring.datasource.username", TestDatabase.username());
        properties.put("henk.pipedrive.base-url", SharedSimulator.get().baseUrl());
        properties.put("henk.pipedrive.api-token", SharedSimulator.get().apiToken());
        properties.put("henk.pipedrive.timeout-ms", "2000");
        properties.put("henk.crm.outbox.poll-interval-ms", "200");
        properties.put("henk.crm.outbox.base-backoff-ms", "200");
        properties.put("henk.crm.outbox.max-backoff-ms", "1000");
        properties.put("henk.jwt.secret", HubTest.JWT_SECRET);
        properties.put("henk.pipedrive.limits.circuit-open-for", "1s");
        properties.put("henk.pipedrive.limits.requests-per-window", "100000");
        properties.put("henk.auth.login-throttle.max-failures-per-address", "100000");
        properties.put("henk.auth.registration.max-per-address", "100000");
        properties.put("henk.chat.rate-limit.anonymous-per-address", "100000");
        properties.put("henk.appointments.limits.max-per-type-per-day", "1000");
        properties.put("henk.appointments.limits.max-upcoming-per-customer", "1000");
        // publishes to the shared Kafka topic but does not join the notification consumer group (a hub shut down
        // hard in a test would hold its partition until the session times out); a hub with channels of its own
        // (overrides) does not start the shared broker or mail server at all
        if (!overrides.containsKey("henk.events.uri")) {
            properties.put("henk.events.uri", SharedKafka.producerUri());
            properties.put("henk.events.consumer-uri", "seda:second-hub-notifications");
        }
        if (!overrides.containsKey("henk.mail.host")) {
            properties.put("henk.mail.host", "127.0.0.1");
            properties.put("henk.mail.port", String.valueOf(SharedMail.port()));
        }
        properties.putAll(overrides);
        // as command-line arguments: they must win over config/application.yml
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(HenkHubApplication.class).run(args);
        return new SecondHub(context);
    }

    /**
     * Settings for hubs of a test's own, on {@code database} and {@code pipedrive} instead of the suite's: the admin
     * {@code adminEmail} with {@code adminPassword}, a data folder of their own, and events and mails that stay inside
     * each hub (mails as .eml files), so that nothing of the test reaches other tests or the suite's hubs. Hubs
     * started with the same settings share the database, the Pipedrive and the data folder. The map is the test's to
     * add to.
     */
    public static Map<String, String> onTheirOwn(OwnDatabase database, PipedriveSimulator pipedrive,
                                                 String adminEmail, String adminPassword) throws IOException {
        Map<String, String> settings = new HashMap<>();
        settings.put("spring.datasource.url", database.url());
        settings.put("spring.datasource.username", database.username());
        settings.put("henk.data-dir", Files.createTempDirectory("henk-own-hub").toString());
        settings.put("henk.pipedrive.base-url", pipedrive.baseUrl());
        settings.put("henk.pipedrive.api-token", pipedrive.apiToken());
        settings.put("henk.admin.email", adminEmail);
        settings.put("henk.admin.password", adminPassword);
        settings.put("henk.events.uri", "seda:henk-events");
        settings.put("henk.events.consumer-uri", "seda:henk-events");
        settings.put("henk.mail.host", "");
        return settings;
    }

    public Api api() {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Api("http://localhost:" + port);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
