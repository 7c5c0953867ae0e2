package de.henk.hub.crm;

import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The initial stage is resolved by name, within one pipeline; a missing one is a health error, and leads wait instead
 * of failing.
 */
class PipedriveStageAndHealthTest extends HubTest {

    @Autowired
    PipedriveStages stages;

    @AfterEach
    void forgetStages() {
        stages.forget();
    }

    @Test
    void healthShowsTheResolvedStageToAdmins() {
        stages.forget();
        Api.Response health = api.get("/actuator/health", admin().accessToken());
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("components").path("pipedrive").path("status").asText()).isEqualTo("UP");
        assertThat(health.json().path("components").path("pipedrive").path("details").path("initial_stage_id").asInt())
                .isEqualTo(1);
        assertThat(health.json().path("components").path("db").path("status").asText()).isEqualTo("UP");
        // anonymous callers see only the overall status
        Api.Response anonymous = api.get("/actuator/health", null);
        assertThat(anonymous.json().has("components")).isFalse();
    }

    @Test
    void aMissingInitialStageIsAHealthErrorAndLeadsWaitForTheFix() {
        PIPEDRIVE.removeStage("Initial Contact");
        stages.forget();
        Api.Response health = api.get("/actuator/health", admin().accessToken());
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().path("components").path("pipedrive").path("details").path("error").asText())
                .contains("Initial Contact");

        Account customer = register(uniqueEmail("kunde"));
        Api.Response lead = api.post("/api/crm/lead", Map.of("name", "Max Mustermann", "email", customer.email(),
                "deal_title", "Anzug", "deal_value", 1500), customer.accessToken());
        assertThat(lead.status()).isEqualTo(202);
        assertThat(PIPEDRIVE.deals()).isEmpty();

        PIPEDRIVE.reset(); // the stage is back
        stages.forget();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(PIPEDRIVE.deals()).hasSize(1));
        assertThat(PIPEDRIVE.deals().get(0).path("stage_id").asInt()).isEqualTo(1);
    }

    @Test
    void aStageNameTwoPipelinesShareGoesToTheDefaultPipelines() {
        // the sales team set up a wedding pipeline and made it the default (first in Pipedrive's order); it has an
        // "Initial Contact" too, with a higher id than the one of the older pipeline
        long weddings = PIPEDRIVE.addPipeline("Hochzeiten", 0, "Initial Contact", "Anprobe");
        stages.forget();
        Account customer = register(uniqueEmail("hochzeit"));
        Api.Response lead = api.post("/api/crm/lead", Map.of("name", "Max Mustermann", "email", customer.email(),
                "deal_title", "Hochzeitsanzug", "deal_value", 2500), customer.accessToken());
        assertThat(lead.status()).as(lead.toString()).isEqualTo(201);
        var deal = PIPEDRIVE.deals().get(0);
        assertThat(deal.path("pipeline_id").asLong()).isEqualTo(weddings);
        assertThat(deal.path("stage_id").asInt()).isEqualTo(stages.initialStageId()).isNotEqualTo(1);
        assertThat(PIPEDRIVE.stages()).filteredOn(stage -> stage.path("id").asInt() == deal.path("stage_id").asInt())
                .singleElement().satisfies(stage -> assertThat(stage.path("name").asText()).isEqualTo("Initial Contact"));
        Api.Response health = api.get("/actuator/health", admin().accessToken());
        assertThat(health.json().path("components").path("pipedrive").path("details").path("pipeline_id").asLong())
                .isEqualTo(weddings);
    }

    @Test
    void corsAllowsTheConfiguredFrontendOnly() {
        Map<String, String> preflight = Map.of("Origin", "http://localhost:5173",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type");
        Api.Response allowed = api.send("OPTIONS", "/api/chat", null, preflight);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");

        Api.Response denied = api.send("OPTIONS", "/api/chat", null, Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST"));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.header("Access-Control-Allow-Origin")).isNull();
    }
}
