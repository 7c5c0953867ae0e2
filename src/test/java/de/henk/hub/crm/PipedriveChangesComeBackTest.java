package de.henk.hub.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import de.henk.hub.support.PipedriveSimulator;
import de.henk.hub.support.SecondHub;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Changes made in Pipedrive itself reach the hub: by webhook (once, even if delivered twice) and by reconciliation. */
class PipedriveChangesComeBackTest extends HubTest {

    @Autowired
    JdbcClient db;

    @Autowired
    ProducerTemplate camel;

    @Test
    void aWebhookMarkingADealWonUpdatesTheMirrorOnceEvenWhenDeliveredTwice() throws Exception {
        Account sales = salesPerson();
        String email = uniqueEmail("webhook");
        Api.Response lead = api.post("/api/crm/lead", lead(email), sales.accessToken());
        assertThat(lead.status()).isEqualTo(201);
        long hubDealId = lead.json().path("deal").path("id").asLong();
        long pipedriveId = lead.json().path("deal").path("pipedrive_deal_id").asLong();

        // someone wins the deal in Pipedrive's own UI
        JsonNode won = PIPEDRIVE.asTheSalesTeam("PATCH", "/api/v2/deals/" + pipedriveId,
                Map.of("status", "won", "value", 3100));
        String webhook = PipedriveSimulator.webhookEvent("change", "deal", pipedriveId, won,
                Map.of("status", "open"));
        Api.Response first = deliverWebhook(webhook);
        Api.Response again = deliverWebhook(webhook);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("duplicate").asBoolean()).isFalse();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("duplicate").asBoolean()).isTrue();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode deal = api.get("/api/crm/deal/" + hubDealId, sales.accessToken()).json();
            assertThat(deal.path("status").asText()).isEqualTo("won");
            assertThat(deal.path("value").asInt()).isEqualTo(3100);
            // the event is marked done just after the mirror's commit: checked together, not in between
            long stored = db.sql("select count(*) from crm_webhook_event where entity_id = :id and status = 'done'")
                    .param("id", pipedriveId).query(Long.class).single();
            assertThat(stored).isEqualTo(1);
        });
    }

    @Test
    void aPersonRenamedInPipedriveIsRenamedOnTheHubsDeals() throws Exception {
        Account sales = salesPerson();
        Api.Response lead = api.post("/api/crm/lead", lead(uniqueEmail("person")), sales.accessToken());
        long hubDealId = lead.json().path("deal").path("id").asLong();
        long personId = PIPEDRIVE.persons().get(0).path("id").asLong();
        // renamed in Pipedrive itself: the webhook only tells the hub to look (it reads the person from Pipedrive)
        JsonNode person = PIPEDRIVE.asTheSalesTeam("PATCH", "/api/v2/persons/" + personId, Map.of(
                "name", "Paul Richter-Brandt",
                "phones", List.of(Map.of("value", "+49 171 7654321", "primary", true, "label", "mobile"))));
        assertThat(deliverWebhook(PipedriveSimulator.webhookEvent("change", "person", personId, person, null))
                .status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode deal = api.get("/api/crm/deal/" + hubDealId, sales.accessToken()).json();
            assertThat(deal.path("person_name").asText()).isEqualTo("Paul Richter-Brandt");
            assertThat(deal.path("phone").asText()).isEqualTo("+49 171 7654321");
        });
    }

    @Test
    void webhooksNeedPipedrivesCredentials() {
        String body = "{\"meta\":{\"id\":\"x1\",\"entity\":\"deal\",\"action\":\"change\"},\"data\":{}}";
        Api.Response none = api.send("POST", "/api/crm/webhooks/pipedrive", body, Map.of());
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Basic");
        Api.Response wrong = api.send("POST", "/api/crm/webhooks/pipedrive", body,
                Map.of("Authorization", webhookAuthorization(WEBHOOK_USER, "guess")));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().path("code").asText()).isEqualTo("invalid_webhook_credentials");
        Api.Response bearer = api.send("POST", "/api/crm/webhooks/pipedrive", body,
                Map.of("Authorization", "Bearer " + register(uniqueEmail("kunde")).accessToken()));
        assertThat(bearer.status()).isEqualTo(401);
        Api.Response malformed = deliverWebhook("{\"meta\":{}}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(db.sql("select count(*) from crm_webhook_event where id = 'x1'").query(Long.class).single()).isZero();
    }

    @Test
    void reconciliationRepairsWhatNoWebhookReported() throws Exception {
        Account sales = salesPerson();
        Api.Response lead = api.post("/api/crm/lead", lead(uniqueEmail("reconcile")), sales.accessToken());
        long hubDealId = lead.json().path("deal").path("id").asLong();
        long pipedriveId = lead.json().path("deal").path("pipedrive_deal_id").asLong();
        Thread.sleep(1100); // Pipedrive's update_time has whole seconds
        PIPEDRIVE.asTheSalesTeam("PATCH", "/api/v2/deals/" + pipedriveId,
                Map.of("status", "lost", "lost_reason", "Zu teuer"));

        camel.sendBody("direct:pipedrive-reconcile", null);

        JsonNode deal = api.get("/api/crm/deal/" + hubDealId, sales.accessToken()).json();
        assertThat(deal.path("status").asText()).isEqualTo("lost");
        assertThat(deal.path("lost_reason").asText()).isEqualTo("Zu teuer");
        assertThat(PIPEDRIVE.requests()).anySatisfy(r -> {
            assertThat(r.path()).isEqualTo("/api/v2/deals");
            assertThat(r.query()).containsKey("updated_since");
        });
    }

    @Test
    void theHubRegistersItsWebhookWhenAPublicUrlIsConfigured() throws Exception {
        try (SecondHub hub = SecondHub.start(Map.of("henk.pipedrive.webhook.username", "pd",
                "henk.pipedrive.webhook.password", "pd-secret", "henk.pipedrive.webhook.public-url",
                "https://hub.example.com/"))) {
            assertThat(PIPEDRIVE.webhooks()).hasSize(1);
            ObjectNode registered = PIPEDRIVE.webhooks().get(0);
            assertThat(registered.path("subscription_url").asText())
                    .isEqualTo("https://hub.example.com/api/crm/webhooks/pipedrive");
            assertThat(registered.path("version").asText()).isEqualTo("2.0");
            assertThat(registered.path("http_auth_user").asText()).isEqualTo("pd");
        }
    }

    @Test
    void aWebhookPipedriveCouldNotTakeAtStartIsRegisteredOnceItCan() throws Exception {
        PIPEDRIVE.setDown(true);
        try (SecondHub hub = SecondHub.start(Map.of("henk.pipedrive.webhook.username", "pd",
                "henk.pipedrive.webhook.password", "pd-secret", "henk.pipedrive.webhook.public-url",
                "https://hub.example.com/", "henk.pipedrive.reconciliation.interval", "1s",
                "henk.pipedrive.circuit-breaker.open-for", "1s"))) {
            assertThat(PIPEDRIVE.webhooks()).as("Pipedrive was down at the hub's start").isEmpty();
            PIPEDRIVE.setDown(false);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(PIPEDRIVE.webhooks()).hasSize(1));
            long listed = PIPEDRIVE.count("GET", "/v1/webhooks");
            sleep(3000);
            assertThat(PIPEDRIVE.count("GET", "/v1/webhooks")).as("registered once, then left alone").isEqualTo(listed);
            assertThat(PIPEDRIVE.webhooks()).hasSize(1);
        } finally {
            PIPEDRIVE.setDown(false);
        }
    }

    private static Map<String, Object> lead(String email) {
        return leadBody("Paul Richter", email, "Business-Anzug", 1900);
    }
}
