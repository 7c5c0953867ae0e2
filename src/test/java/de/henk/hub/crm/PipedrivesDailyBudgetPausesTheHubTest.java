package de.henk.hub.crm;

import com.fasterxml.jackson.databind.JsonNode;
import de.henk.hub.support.Api;
import de.henk.hub.support.OwnDatabase;
import de.henk.hub.support.PipedriveSimulator;
import de.henk.hub.support.SecondHub;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Pipedrive tells an API token how many POST/PUT requests it has left today (x-daily-requests-left, counted in UTC).
 * At 0 the hub stops calling until Pipedrive's daily reset at 00:00 UTC, instead of spending its burst budget on
 * answers of 429; leads are still accepted and wait in the outbox without using up attempts. A hub of its own, on a
 * database and a Pipedrive of its own: its pause lasts until midnight, which the suite's other hubs must not share.
 * (That the pause ends at midnight, on every instance: SharedBurstBudgetTest, with a clock the test moves.)
 */
class PipedrivesDailyBudgetPausesTheHubTest {

    private static final String ADMIN = "admin@daily.test";
    private static final String ADMIN_PASSWORD = "Daily-Admin-2026!";

    @Test
    void whenTodaysRequestsAreSpentTheHubWaitsForTomorrowInsteadOfCollecting429s() throws Exception {
        Instant midnight = LocalDate.now(Clock.systemUTC()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        assumeThat(Duration.between(Instant.now(), midnight)).as("not across Pipedrive's reset")
                .isGreaterThan(Duration.ofMinutes(2));
        try (OwnDatabase database = OwnDatabase.create();
             PipedriveSimulator pipedrive = PipedriveSimulator.start("daily-token-" + System.nanoTime());
             SecondHub hub = SecondHub.start(SecondHub.onTheirOwn(database, pipedrive, ADMIN, ADMIN_PASSWORD))) {
            Api api = hub.api();
            pipedrive.setDailyRequestsLeft(2); // the first lead's person and deal
            assertThat(lead(api).status()).as("synced inline").isEqualTo(201);
            assertThat(pipedrive.deals()).hasSize(1);
            int calls = pipedrive.requests().size();
            for (int i = 0; i < 3; i++) {
                Api.Response accepted = lead(api);
                assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
                assertThat(accepted.text("status")).isEqualTo("pending");
            }

            Thread.sleep(5000); // past the inline grace and many rounds of the outbox
            assertThat(pipedrive.requests()).as("not a call after x-daily-requests-left: 0").hasSize(calls);
            assertThat(pipedrive.rateLimited()).isZero();
            JdbcClient db = hub.context().getBean(JdbcClient.class);
            List<Map<String, Object>> waiting = db.sql("select status, attempts from crm_outbox where status <> 'done'")
                    .query().listOfRows();
            assertThat(waiting).hasSize(3).allSatisfy(entry -> assertThat(entry)
                    .containsEntry("status", "pending").containsEntry("attempts", 0));

            String admin = api.post("/api/auth/login", Map.of("email", ADMIN, "password", ADMIN_PASSWORD), null)
                    .text("access_token");
            JsonNode health = api.get("/actuator/health", admin).json().path("components").path("pipedrive");
            assertThat(health.path("status").asText()).as("it waits for tomorrow; nobody has to act").isEqualTo("UP");
            assertThat(health.path("details").path("sync").asText()).contains("daily reset");
            assertThat(health.path("details").path("calls").asText()).isEqualTo("daily_budget_spent");
            assertThat(health.path("details").path("calls_paused_until").asText()).isEqualTo(midnight.toString());
        }
    }

    /** A customer's lead for their own deal. */
    private static Api.Response lead(Api api) {
        String email = "daily-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.Response registered = api.post("/api/auth/register", Map.of("email", email, "username", "Max Mustermann",
                "password", "SecurePass123!"), null);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return api.post("/api/crm/lead", Map.of("name", "Max Mustermann", "email", email, "deal_title", "Anzug",
                "deal_value", 1500), registered.text("access_token"));
    }
}
