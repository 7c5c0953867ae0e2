package de.henk.hub.crm;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * A webhook with valid credentials but a body Pipedrive would not send (won, 99999, "forged") changes nothing: the
 * hub reads the deal from Pipedrive and applies what Pipedrive says. A forged delete of a deal Pipedrive still has
 * deletes nothing either.
 */
class ForgedWebhooksChangeNothingTest extends HubTest {

    private static final Map<String, Object> OPEN = Map.of("status", "open");

    @Autowired
    private JdbcClient db;

    @Test
    void aForgedWonWebhookLeavesTheDealOpenAndStartsNoOrder() throws Exception {
        Account sales = salesPerson();
        Api.Response lead = api.post("/api/crm/lead", leadBody("Fritz Fälscher", uniqueEmail("forged"), "Anzug", 1500),
                sales.accessToken());
        assertThat(lead.status()).isEqualTo(201);
        long hubDealId = lead.json().path("deal").path("id").asLong();
        long pipedriveId = lead.json().path("deal").path("pipedrive_deal_id").asLong();

        ObjectNode forged = PIPEDRIVE.deal(pipedriveId).orElseThrow().deepCopy();
        forged.put("status", "won").put("value", 99999).put("title", "forged");
        String change = PipedriveSimulator.webhookEvent("change", "deal", pipedriveId, forged, OPEN);
        long callsBefore = PIPEDRIVE.count("GET", "/api/v2/deals/" + pipedriveId);
        assertThat(deliverWebhook(change).status()).isEqualTo(200);
        String delete = PipedriveSimulator.webhookEvent("delete", "deal", pipedriveId, Map.of(), OPEN);
        assertThat(deliverWebhook(delete).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).until(() -> db.sql(
                "select count(*) from crm_webhook_event where entity_id = :id and status = 'done'")
                .param("id", pipedriveId).query(Long.class).single() == 2);
        assertThat(PIPEDRIVE.count("GET", "/api/v2/deals/" + pipedriveId) - callsBefore)
                .as("the hub asked Pipedrive once per webhook").isEqualTo(2);
        var deal = api.get("/api/crm/deal/" + hubDealId, sales.accessToken()).json();
        assertThat(deal.path("status").asText()).isEqualTo("open");
        assertThat(deal.path("value").asInt()).isEqualTo(1500);
        assertThat(deal.path("title").asText()).isEqualTo("Anzug");
        assertThat(db.sql("select count(*) from tailoring_order where deal_id = :d").param("d", hubDealId)
                .query(Long.class).single()).isZero();
    }
}
