package de.henk.hub.crm;

import com.fasterxml.jackson.databind.JsonNode;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A revoked API token (401) or a company account Pipedrive no longer keeps open (402) is no failure of any one lead:
 * every Pipedrive call pauses for henk.pipedrive.account-pause (2 s in the tests) instead of asking again for each
 * entry, leads are accepted and wait in the outbox without using up attempts, and health is DOWN and says what to
 * check. Once Pipedrive takes the token again, the first call after the pause goes through, every lead arrives
 * exactly once, and health is UP.
 */
@ExtendWith(OutputCaptureExtension.class)
class LeadsWaitOutARefusedTokenOrAccountTest extends HubTest {

    private static final int LEADS = 4;

    @Autowired
    PipedriveGuard guard;

    @Autowired
    PipedriveStages stages;

    @Autowired
    JdbcClient db;

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {401, 402})
    void leadsWaitWhilePipedriveRefusesTheAccountAndArriveOnceItTakesItAgain(int status, CapturedOutput output) {
        String state = status == 401 ? "unauthorized" : "payment_required";
        Account sales = salesPerson();
        refuse(status, true);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            String email = uniqueEmail("refused");
            emails.add(email);
            Api.Response accepted = api.post("/api/crm/lead", leadBody("Anna Schmidt", email, "Anzug " + i, 1500 + i),
                    sales.accessToken());
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            assertThat(accepted.text("status")).isEqualTo("pending");
        }
        assertThat(guard.state()).isEqualTo(state);
        assertDown(state, status == 401 ? "henk.pipedrive.api-token" : "subscription");

        // three pauses' worth of time: Pipedrive is asked about once per pause, not for every entry and attempt
        sleep(6000);
        assertThat(PIPEDRIVE.requests()).filteredOn(r -> r.responseStatus() == status).hasSizeBetween(1, 6);
        assertThat(PIPEDRIVE.requests()).allSatisfy(r -> assertThat(r.responseStatus()).isEqualTo(status));
        assertThat(outbox(emails)).hasSizeGreaterThanOrEqualTo(LEADS).allSatisfy(entry -> assertThat(entry)
                .as("waiting, no attempt used up").containsEntry("status", "pending").containsEntry("attempts", 0));
        assertDown(state, "Pipedrive refuses the");

        refuse(status, false);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(PIPEDRIVE.deals()).hasSize(LEADS));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(outbox(emails)).allSatisfy(entry ->
                assertThat(entry).containsEntry("status", "done").containsEntry("attempts", 1)));
        sleep(1000); // a few more poll cycles: still exactly one deal and one person per lead
        assertThat(PIPEDRIVE.deals()).hasSize(LEADS);
        assertThat(PIPEDRIVE.persons()).hasSize(LEADS);
        for (String email : emails) {
            Api.Response listed = api.get("/api/crm/deals?email=" + email, sales.accessToken());
            assertThat(listed.json().path("deals").get(0).path("sync_status").asText()).isEqualTo("synced");
        }
        Api.Response health = api.get("/actuator/health", admin().accessToken());
        JsonNode pipedrive = health.json().path("components").path("pipedrive");
        assertThat(pipedrive.path("status").asText()).as(health.toString()).isEqualTo("UP");
        assertThat(pipedrive.path("details").path("calls").asText()).isEqualTo("closed");
        assertThat(output.getAll().lines().filter(line -> line.contains("ERROR") && line.contains("Pipedrive refuses the")))
                .as("one ERROR when the pause started, not one per entry or pause").hasSize(1);
        assertThat(output.getAll().lines().filter(line -> line.contains("Pipedrive outbox waits (" + state + ")")))
                .as("the outbox says once that it waits, not once per entry and round").hasSize(1);
        assertThat(output.getAll().lines().filter(line -> line.contains("Pipedrive outbox goes on")
                && line.contains("after " + state))).as("and once that it goes on").hasSize(1);
    }

    @AfterEach
    void pipedriveTakesTheTokenAgain() {
        PIPEDRIVE.reset();
        // a test that failed half-way leaves the refusal standing until a call goes through: one for the next test
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            if (refused()) {
                try {
                    stages.forget();
                    stages.initialStageId();
                } catch (RuntimeException stillPaused) {
                    // the pause runs out in a moment
                }
            }
            return !refused();
        });
    }

    private boolean refused() {
        return List.of("unauthorized", "payment_required").contains(guard.state());
    }

    private static void refuse(int status, boolean refusing) {
        if (status == 401) {
            PIPEDRIVE.setTokenRevoked(refusing);
        } else {
            PIPEDRIVE.setAccountClosed(refusing);
        }
    }

    private void assertDown(String state, String advice) {
        Api.Response health = api.get("/actuator/health", admin().accessToken());
        assertThat(health.status()).as(health.toString()).isEqualTo(503);
        JsonNode pipedrive = health.json().path("components").path("pipedrive");
        assertThat(pipedrive.path("status").asText()).isEqualTo("DOWN");
        assertThat(pipedrive.path("details").path("sync").asText()).isEqualTo(state);
        assertThat(pipedrive.path("details").path("calls").asText()).isEqualTo(state);
        assertThat(pipedrive.path("details").path("error").asText()).contains(advice);
    }

    /** The outbox entries of these leads' deals. */
    private List<Map<String, Object>> outbox(List<String> emails) {
        return db.sql("""
                select o.status, o.attempts from crm_outbox o join crm_deal d on d.id = o.deal_id
                where d.email in (:emails)""").param("emails", emails).query().listOfRows();
    }
}
