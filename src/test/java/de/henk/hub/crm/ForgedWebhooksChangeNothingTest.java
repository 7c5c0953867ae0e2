package de.henk.hub.crm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
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

    private static final ObjectMapper JSON = new ObjectMapper();

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
        String change = webhook("change", "deal", pipedriveId, forged);
        long callsBefore = PIPEDRIVE.count("GET", "/api/v2/deals/" + pipedriveId);
        assertThat(deliver(change).status()).isEqualTo(200);
        String delete = webhook("delete", "deal", pipedriveId, JSON.createObjectNode());
        assertThat(deliver(delete).status()).isEqualTo(200);

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

    private String webhook(String action, String entity, long id, Object data) throws Exception {
        ObjectNode event = JSON.createObjectNode();
        event.putObject("meta").put("id", UUID.randomUUID().toString()).put("action", action).put("entity", entity)
                .put("entity_id", String.valueOf(id)).put("version", "2.0")
                .put("timestamp", System.currentTimeMillis() / 1000);
        event.set("data", JSON.valueToTree(data));
        event.set("previous", JSON.valueToTree(Map.of("status", "open")));
        return JSON.writeValueAsString(event);
    }

    private Api.Response deliver(String body) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((WEBHOOK_USER + ":" + WEBHOOK_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return api.send("POST", "/api/crm/webhooks/pipedrive", body, Map.of("Authorization", basic));
    }
}
