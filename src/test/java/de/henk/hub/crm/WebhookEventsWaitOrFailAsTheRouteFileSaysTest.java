package de.henk.hub.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kamelet.KameletComponent;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A stored webhook event that cannot be applied waits for the next round or fails as routeConfiguration
 * pipedrive-webhook-retry-policy in routes/pipedrive-sync-back.camel.yaml says. Its route runs as written, with the
 * real pipedrive-action kamelet; Pipedrive's transport and the webhook bean are stand-ins.
 */
class WebhookEventsWaitOrFailAsTheRouteFileSaysTest {

    private CamelContext camel;
    private final Webhooks webhooks = new Webhooks();
    private Exception pipedriveFails;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void startTheWebhookRoute() throws Exception {
        camel = new DefaultCamelContext();
        KameletComponent kamelets = new KameletComponent();
        kamelets.setLocation("file:" + Path.of("routes").toAbsolutePath());
        camel.addComponent("kamelet", kamelets);
        camel.getRegistry().bind("pipedriveWebhooks", webhooks);
        camel.getRegistry().bind("pipedriveGuard", new Object() {
            @SuppressWarnings("unused")
            public void failed(Exception failure) { }
        });
        camel.getRegistry().bind("pipedriveFailures", new PipedriveFailures());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:pipedrive-call").routeId("pipedrive-call").errorHandler(noErrorHandler())
                        .process(exchange -> {
                            if (pipedriveFails != null) {
                                throw pipedriveFails;
                            }
                            exchange.getMessage().setBody("{\"data\":{\"id\":1}}");
                        });
                from("direct:deal-changed-in-pipedrive").routeId("deal-changed-stand-in").log("changed");
            }
        });
        // the retry policy and the route that uses it, as the file has them (the file's REST part needs a server)
        List<Object> file = (List<Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(Path.of("routes/pipedrive-sync-back.camel.yaml")));
        List<Object> wanted = file.stream().filter(element -> {
            Map<String, Map<String, Object>> node = (Map<String, Map<String, Object>>) element;
            return node.containsKey("routeConfiguration") || node.containsKey("route")
                    && "pipedrive-webhook-apply".equals(node.get("route").get("id"));
        }).toList();
        assertThat(wanted).hasSize(2);
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("webhooks.camel.yaml",
                new Dump(DumpSettings.builder().build()).dumpToString(wanted)));
        camel.start();
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    @Test
    void whilePipedriveCannotBeAskedTheEventWaits() {
        for (Exception failure : List.of(new PipedriveDeferredException("circuit open", Duration.ofSeconds(2)),
                new SocketTimeoutException("Read timed out"), http(429), http(503), http(401), http(402))) {
            pipedriveFails = failure;
            apply();
        }
        assertThat(webhooks.outcomes).as("401 and 402 refuse the token or account, not the event")
                .containsExactly("pending", "pending", "pending", "pending", "pending", "pending");
    }

    @Test
    void aReadPipedriveRefusesFailsTheEvent() {
        pipedriveFails = http(403);
        apply();
        assertThat(webhooks.outcomes).containsExactly("failed");
    }

    @Test
    void aDealDeletedInPipedriveIsAppliedAsGone() {
        pipedriveFails = http(404);
        apply();
        assertThat(webhooks.outcomes).containsExactly("applied null");
    }

    @Test
    void anAnswerTheHubCannotReadFailsTheEventInsteadOfLoopingForever() {
        webhooks.unreadable = true;
        apply();
        assertThat(webhooks.outcomes).containsExactly("failed");
    }

    private void apply() {
        var done = camel.createProducerTemplate().send("direct:pipedrive-webhook-apply",
                exchange -> exchange.getMessage().setBody("event-1"));
        assertThat(done.getException()).as("a failure never escapes").isNull();
    }

    private static HttpOperationFailedException http(int status) {
        return new HttpOperationFailedException("http://pipedrive/api/v2/deals/1", status, "status " + status, null,
                Map.of(), "{\"success\":false}");
    }

    /** Records what the route decided, as PipedriveWebhooks would store it. */
    public static class Webhooks {
        final List<String> outcomes = new ArrayList<>();
        boolean unreadable;

        public String truthPath(String eventId) {
            return "/api/v2/deals/1";
        }

        public Object applyFromPipedrive(String eventId, String body) {
            if (unreadable) {
                throw new UncheckedIOException("Pipedrive answer is not JSON", new IOException("Unexpected character"));
            }
            outcomes.add("applied " + body);
            return null;
        }

        public void ignore(String eventId) {
            outcomes.add("ignored");
        }

        public void waitForNextRound(String eventId, Exception failure) {
            outcomes.add("pending");
        }

        public void failedForGood(String eventId, Exception failure) {
            outcomes.add("failed");
        }
    }
}
