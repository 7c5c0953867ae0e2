package de.henk.hub.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Without an API token the Pipedrive sync is paused: like the outbox and the reconciliation, the webhook processor in
 * routes/pipedrive-sync-back.camel.yaml (as the file has it) leaves stored events waiting instead of asking Pipedrive
 * without a token every round - and being refused, and saying so, every round.
 */
class WebhookEventsWaitForAnApiTokenTest {

    private CamelContext camel;
    private final AtomicInteger claims = new AtomicInteger();

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    @Test
    void withoutATokenNoEventIsTaken() throws Exception {
        start(false);
        Thread.sleep(500); // ten rounds of the processor
        assertThat(claims).hasValue(0);
    }

    @Test
    void withATokenEveryRoundTakesTheStoredEvents() throws Exception {
        start(true);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(claims.get()).isGreaterThan(1));
    }

    @SuppressWarnings("unchecked")
    private void start(boolean tokenConfigured) throws Exception {
        camel = new DefaultCamelContext();
        Properties settings = new Properties();
        settings.put("henk.pipedrive.webhook.poll-interval", "50");
        camel.getPropertiesComponent().setInitialProperties(settings);
        camel.getRegistry().bind("crmSync", new Object() {
            @SuppressWarnings("unused")
            public boolean enabled() {
                return tokenConfigured;
            }
        });
        camel.getRegistry().bind("pipedriveWebhooks", new Object() {
            @SuppressWarnings("unused")
            public List<String> claimPending() {
                claims.incrementAndGet();
                return List.of();
            }
        });
        List<Object> file = (List<Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(Path.of("routes/pipedrive-sync-back.camel.yaml")));
        List<Object> processor = file.stream().filter(element -> {
            Map<String, Map<String, Object>> node = (Map<String, Map<String, Object>>) element;
            return node.containsKey("route") && "pipedrive-webhook-processor".equals(node.get("route").get("id"));
        }).toList();
        assertThat(processor).hasSize(1);
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("processor.camel.yaml",
                new Dump(DumpSettings.builder().build()).dumpToString(processor)));
        camel.start();
    }
}
