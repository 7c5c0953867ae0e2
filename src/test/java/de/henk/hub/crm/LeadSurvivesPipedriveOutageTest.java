package de.henk.hub.crm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No lead is lost: while Pipedrive is down, rate-limiting or slow, leads are accepted with 202 and reach
 * Pipedrive exactly once after recovery.
 */
class LeadSurvivesPipedriveOutageTest extends HubTest {

    @Autowired
    PipedriveGuard guard;

    @Test
    void leadsAcceptedWhilePipedriveIsDownArriveExactlyOnceAfterwards() {
        Account sales = salesPerson();
        PIPEDRIVE.setDown(true);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String email = uniqueEmail("outage");
            emails.add(email);
            Api.Response accepted = api.post("/api/crm/lead", lead(email, "Business-Anzug " + i, 1800 + i), sales.accessToken());
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            assertThat(accepted.text("status")).isEqualTo("pending");
        }
        assertThat(PIPEDRIVE.deals()).isEmpty();

        PIPEDRIVE.setDown(false);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(PIPEDRIVE.deals()).hasSize(5));
        // a few more poll cycles: still exactly five, one person each
        sleep(1000);
        assertThat(PIPEDRIVE.deals()).hasSize(5);
        assertThat(PIPEDRIVE.persons()).hasSize(5);
        for (String email : emails) {
            Api.Response listed = api.get("/api/crm/deals?email=" + email, sales.accessToken());
            assertThat(listed.json().path("deals").get(0).path("sync_status").asText()).isEqualTo("synced");
        }
    }

    @Test
    void rateLimitedBurstsSlowTheHubDownWithoutLosingOrDoublingLeads() {
        Account sales = salesPerson();
        PIPEDRIVE.rateLimitNext(3, 1);
        String email = uniqueEmail("ratelimit");
        Api.Response accepted = api.post("/api/crm/lead", lead(email, "Gala-Smoking", 3200), sales.accessToken());
        assertThat(accepted.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(PIPEDRIVE.deals()).hasSize(1));
        assertThat(PIPEDRIVE.rateLimited()).isEqualTo(3);
        assertThat(PIPEDRIVE.persons()).hasSize(1);
    }

    @Test
    void aTightPipedriveBudgetIsRespectedInsteadOfHammered() {
        Account sales = salesPerson();
        PIPEDRIVE.setRateLimit(6, Duration.ofSeconds(2));
        int leads = 12;
        for (int i = 0; i < leads; i++) {
            assertThat(api.post("/api/crm/lead", lead(uniqueEmail("budget"), "Anzug " + i, 1400), sales.accessToken())
                    .status()).isIn(201, 202);
        }
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> assertThat(PIPEDRIVE.deals()).hasSize(leads));
        // each 429 pauses the hub until Pipedrive's reset: a handful, not one per attempt of every waiting lead
        assertThat(PIPEDRIVE.rateLimited()).isLessThan(leads);
        assertThat(PIPEDRIVE.persons()).hasSize(leads);
        await().atMost(Duration.ofSeconds(5)).until(() -> guard.state().equals("closed"));
    }

    @Test
    void aTimeoutAfterPipedriveCreatedTheDealDoesNotDoubleIt() {
        Account sales = salesPerson();
        String second = uniqueEmail("slow");
        // Pipedrive stores the deal but answers only after the hub's 2 s timeout: the retry must find it
        PIPEDRIVE.afterNextDealCreated(() -> sleep(3000));
        Api.Response accepted = api.post("/api/crm/lead", lead(second, "Hochzeits-Anzug", 2500), sales.accessToken());
        assertThat(accepted.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response listed = api.get("/api/crm/deals?email=" + second, sales.accessToken());
            assertThat(listed.json().path("deals").get(0).path("sync_status").asText()).isEqualTo("synced");
        });
        assertThat(PIPEDRIVE.deals()).hasSize(1);
        assertThat(PIPEDRIVE.persons()).hasSize(1);
        ObjectNode deal = PIPEDRIVE.deals().get(0);
        assertThat(deal.path("origin_id").asText()).startsWith("henk-deal-");
    }

    @Test
    void aHangingPipedriveTimesOutAndTheRetrySucceedsWithoutADuplicate() {
        Account sales = salesPerson();
        String email = uniqueEmail("hang");
        PIPEDRIVE.hangNext(1);
        Api.Response accepted = api.post("/api/crm/lead", lead(email, "Anzug", 2100), sales.accessToken());
        assertThat(accepted.status()).isEqualTo(202); // the inline call hit the 2 s timeout
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(PIPEDRIVE.deals()).hasSize(1));
        assertThat(PIPEDRIVE.persons()).hasSize(1);
    }

    @Test
    void aResetConnectionIsRetriedWithoutADuplicate() {
        Account sales = salesPerson();
        // the first two calls have their connection reset (after Pipedrive read them)
        PIPEDRIVE.resetNext(2);
        Api.Response accepted = api.post("/api/crm/lead", lead(uniqueEmail("reset"), "Anzug", 2200),
                sales.accessToken());
        assertThat(accepted.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(PIPEDRIVE.deals()).hasSize(1));
        assertThat(PIPEDRIVE.persons()).hasSize(1);
        assertThat(PIPEDRIVE.requests()).filteredOn(r -> r.responseStatus() == 0).hasSize(2);
    }

    @Test
    void theSameIdempotencyKeyNeverCreatesASecondLead() {
        Account customer = register(uniqueEmail("kunde"));
        Map<String, String> headers = new LinkedHashMap<>(Api.headers(customer.accessToken()));
        headers.put("Idempotency-Key", "checkout-42");
        Api.Response first = api.send("POST", "/api/crm/lead", lead(customer.email(), "Maßanzug", 2100), headers);
        Api.Response again = api.send("POST", "/api/crm/lead", lead(customer.email(), "Maßanzug", 2100), headers);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("deal").path("id").asLong()).isEqualTo(first.json().path("deal").path("id").asLong());
        assertThat(PIPEDRIVE.deals()).hasSize(1);
    }

    @Test
    void anExistingPipedrivePersonIsReusedNotDuplicated() {
        Account sales = salesPerson();
        String email = uniqueEmail("returning");
        assertThat(api.post("/api/crm/lead", lead(email, "Erster Anzug", 1500), sales.accessToken()).status())
                .isEqualTo(201);
        assertThat(api.post("/api/crm/lead", lead(email.toUpperCase(), "Zweiter Anzug", 1900), sales.accessToken())
                .status()).isEqualTo(201);
        assertThat(PIPEDRIVE.persons()).hasSize(1);
        assertThat(PIPEDRIVE.deals()).hasSize(2);
        assertThat(PIPEDRIVE.deals()).extracting(d -> d.path("person_id").asLong()).containsOnly(
                PIPEDRIVE.persons().get(0).path("id").asLong());
    }

    private static Map<String, Object> lead(String email, String title, int value) {
        return leadBody("Anna Schmidt", email, title, value);
    }
}
