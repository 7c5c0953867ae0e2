package de.henk.hub.crm;

import com.fasterxml.jackson.databind.JsonNode;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import de.henk.hub.support.PipedriveSimulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hub registers a v2 webhook, but a webhook made by hand in Pipedrive's settings (or by an older integration)
 * delivers Pipedrive's v1 format: {meta: {object, action: updated, id}, current, previous, event, retry}. Such a
 * delivery is taken as well - once, however often Pipedrive retries it - and, as a v2 one, only makes the hub read the
 * deal from Pipedrive.
 */
class WebhooksOfEitherFormatAreAppliedTest extends HubTest {

    @Autowired
    JdbcClient db;

    @Test
    void aV1WebhookMarkingADealWonUpdatesTheMirrorOnce() {
        Account sales = salesPerson();
        Api.Response lead = api.post("/api/crm/lead", leadBody("Vera Einser", uniqueEmail("v1hook"), "Anzug", 2000),
                sales.accessToken());
        assertThat(lead.status()).as(lead.toString()).isEqualTo(201);
        long hubDealId = lead.json().path("deal").path("id").asLong();
        long pipedriveId = lead.json().path("deal").path("pipedrive_deal_id").asLong();

        JsonNode won = PIPEDRIVE.asTheSalesTeam("PATCH", "/api/v2/deals/" + pipedriveId,
                Map.of("status", "won", "value", 2400));
        String first = PipedriveSimulator.webhookEventV1("updated", "deal", pipedriveId, won,
                Map.of("status", "open"), 0);
        Api.Response delivered = deliverWebhook(first);
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        assertThat(delivered.json().path("duplicate").asBoolean()).isFalse();
        // Pipedrive delivers it again (its retry counter up by one): the same event
        Api.Response retried = deliverWebhook(first.replace("\"retry\":0", "\"retry\":1"));
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("duplicate").asBoolean()).isTrue();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode deal = api.get("/api/crm/deal/" + hubDealId, sales.accessToken()).json();
            assertThat(deal.path("status").asText()).isEqualTo("won");
            assertThat(deal.path("value").asInt()).isEqualTo(2400);
            assertThat(db.sql("select count(*) from crm_webhook_event where entity_id = :id and status = 'done'")
                    .param("id", pipedriveId).query(Long.class).single()).isEqualTo(1);
        });
    }

    @Test
    void aV1WebhookWithoutObjectOrIdIsRefusedCleanly() {
        Api.Response refused = deliverWebhook("{\"v\":1,\"meta\":{\"action\":\"updated\"},\"current\":{}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("code").asText()).isEqualTo("invalid_webhook");
    }
}
