package de.henk.hub.crm;

import com.fasterxml.jackson.databind.JsonNode;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An entry Pipedrive refuses for good is kept as a dead letter; an admin sees it and replays it. */
class DeadLettersAreVisibleAndReplayableTest extends HubTest {

    @Test
    void aRefusedLeadBecomesADeadLetterThatAnAdminCanReplay() {
        Account customer = register(uniqueEmail("dead"));
        PIPEDRIVE.failNext(1, 400);
        Api.Response lead = api.post("/api/crm/lead", Map.of("name", "Eva Braun-Schulz", "email", customer.email(),
                "deal_title", "Smoking", "deal_value", 2900), customer.accessToken());
        assertThat(lead.status()).isEqualTo(202);
        long dealId = lead.json().path("deal").path("id").asLong();
        // inline, or by the outbox a moment later when Pipedrive's circuit is not fully closed after earlier tests
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get("/api/crm/deal/" + dealId,
                customer.accessToken()).json().path("sync_status").asText()).isEqualTo("failed"));

        String admin = admin().accessToken();
        Api.Response dead = api.get("/api/admin/crm/outbox?status=dead", admin);
        assertThat(dead.status()).isEqualTo(200);
        JsonNode entry = null;
        for (JsonNode candidate : dead.json().path("entries")) {
            if (candidate.path("deal_id").asLong() == dealId) {
                entry = candidate;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.path("last_error").asText()).startsWith("HTTP 400");
        assertThat(entry.path("attempts").asInt()).isEqualTo(1);

        Api.Response retried = api.post("/api/admin/crm/outbox/" + entry.path("id").asLong() + "/retry", null, admin);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().path("status").asText()).isEqualTo("pending");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/api/crm/deal/" + dealId, customer.accessToken()).json().path("sync_status").asText())
                        .isEqualTo("synced"));
        assertThat(PIPEDRIVE.deals()).hasSize(1);

        Api.Response again = api.post("/api/admin/crm/outbox/" + entry.path("id").asLong() + "/retry", null, admin);
        assertThat(again.status()).isEqualTo(409);
        assertThat(api.post("/api/admin/crm/outbox/999999/retry", null, admin).status()).isEqualTo(404);
        assertThat(api.get("/api/admin/crm/outbox?status=zombie", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/admin/crm/outbox", customer.accessToken()).status()).isEqualTo(403);
    }

    @Test
    void prometheusShowsTheOutbox() {
        String metrics = api.get("/actuator/prometheus", null).body();
        assertThat(metrics).contains("henk_crm_outbox_entries{status=\"pending\"}")
                .contains("henk_crm_outbox_entries{status=\"dead\"}")
                .contains("henk_crm_outbox_oldest_pending_seconds");
    }
}
