package de.henk.hub.crm;

import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import de.henk.hub.support.SecondHub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several hub instances on one database share one outbox: every lead reaches Pipedrive exactly once, also when
 * an instance dies between Pipedrive's answer and its own commit.
 */
class SeveralHubInstancesTest extends HubTest {

    @Autowired
    JdbcClient db;

    @Test
    void twoInstancesProcessOneOutboxAndSyncEveryLeadOnce() throws Exception {
        try (SecondHub second = SecondHub.start(Map.of())) {
            Account sales = salesPerson();
            PIPEDRIVE.setDown(true);
            List<String> customers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                customers.add(uniqueEmail("multi"));
            }
            int leads = 0;
            for (int round = 0; round < 3; round++) {
                for (String email : customers) {
                    Api target = leads % 2 == 0 ? api : second.api();
                    Api.Response accepted = target.post("/api/crm/lead",
                            lead(email, "Anzug " + round, 1500 + round), sales.accessToken());
                    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
                    leads++;
                }
            }
            PIPEDRIVE.setDown(false);
            int expected = leads;
            await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(PIPEDRIVE.deals()).hasSize(expected));
            Thread.sleep(1000);
            assertThat(PIPEDRIVE.deals()).hasSize(expected);
            assertThat(PIPEDRIVE.persons()).hasSize(customers.size());
            assertThat(new HashSet<>(PIPEDRIVE.deals().stream().map(d -> d.path("origin_id").asText()).toList()))
                    .hasSize(expected);
            List<String> claimers = db.sql("select distinct claimed_by from crm_outbox where claimed_by is not null")
                    .query(String.class).list();
            assertThat(claimers).isEmpty();
        }
    }

    @Test
    void anInstanceKilledBetweenPipedrivesAnswerAndItsCommitLosesNothingAndDoublesNothing() throws Exception {
        Account customer = register(uniqueEmail("crash"));
        SecondHub doomed = SecondHub.start(Map.of(
                "henk.crm.outbox.claim-ttl-ms", "3000",
                "henk.crm.outbox.poll-interval-ms", "3600000",
                "server.shutdown", "immediate",
                "camel.main.shutdown-timeout", "1"));
        // Pipedrive stores the deal; before it answers, the instance that asked is shut down hard
        PIPEDRIVE.afterNextDealCreated(() -> {
            CompletableFuture.runAsync(doomed::close);
            sleep(4000);
        });
        CompletableFuture<Api.Response> request = CompletableFuture.supplyAsync(() -> {
            try {
                return doomed.api().post("/api/crm/lead", lead(customer.email(), "Hochzeits-Anzug", 2500),
                        customer.accessToken());
            } catch (RuntimeException connectionLost) {
                return null;
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> !doomed.context().isActive());
        request.join();
        assertThat(PIPEDRIVE.deals()).hasSize(1);

        // the surviving instance takes over once the dead instance's lease has run out
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String sync = db.sql("select sync_status from crm_deal where email = :e").param("e", customer.email())
                    .query(String.class).single();
            assertThat(sync).isEqualTo("synced");
        });
        assertThat(PIPEDRIVE.deals()).hasSize(1);
        assertThat(PIPEDRIVE.persons()).hasSize(1);
        Long pipedriveId = db.sql("select pipedrive_deal_id from crm_deal where email = :e").param("e", customer.email())
                .query(Long.class).single();
        assertThat(pipedriveId).isEqualTo(PIPEDRIVE.deals().get(0).path("id").asLong());
    }

    private static Map<String, Object> lead(String email, String title, int value) {
        return leadBody("Clara Weber", email, title, value);
    }
}
