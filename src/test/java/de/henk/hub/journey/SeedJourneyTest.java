package de.henk.hub.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The use case's six steps, in order, over real HTTP against the running hub and the Pipedrive simulator:
 * anonymous chat → registration claims the session → personalised chat → lead (person + deal, stage by name,
 * 2500 EUR) → beta login → deals by email in the seed's shape → PUT won/2800/stage 2.
 */
class SeedJourneyTest extends HubTest {

    @Test
    void theWholeSeedJourneyWorksEndToEnd() {
        String email = uniqueEmail("kunde");

        // 1. anonymous chat — the reference frontend sends an empty Authorization header
        Map<String, Object> firstTurn = new LinkedHashMap<>();
        firstTurn.put("message", "Ich suche einen Anzug für eine Hochzeit");
        firstTurn.put("session_id", null);
        Api.Response chat = api.post("/api/chat", firstTurn, "");
        assertThat(chat.status()).as(chat.toString()).isEqualTo(200);
        String sessionId = chat.text("session_id");
        assertThat(sessionId).hasSizeGreaterThanOrEqualTo(40);
        assertThat(chat.text("reply")).containsAnyOf("Jahreszeit", "Datum");

        // 2. registration claims the anonymous session
        Api.Response registered = api.post("/api/auth/register", Map.of("email", email,
                "username", "Max Mustermann", "password", "SecurePass123!", "session_id", sessionId), null);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.json().path("token_type").asText()).isEqualTo("Bearer");
        assertThat(registered.json().path("expires_in").asInt()).isEqualTo(900);
        assertThat(registered.json().path("roles")).extracting(JsonNode::asText).containsExactly("CUSTOMER");
        assertThat(registered.text("claimed_session_id")).isEqualTo(sessionId);
        String token = registered.text("access_token");

        // 3. personalised chat in the same session
        Api.Response second = api.post("/api/chat",
                Map.of("message", "Budget ist ca. 2500 Euro, Hochzeit im Juni", "session_id", sessionId), token);
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.text("reply")).contains("2.500 €").contains("Juni");
        assertThat(second.json().path("profile").path("budget_eur").asInt()).isEqualTo(2500);
        assertThat(second.json().path("profile").path("occasion").asText()).isEqualTo("wedding");

        Api.Response sessions = api.get("/api/chat/sessions", token);
        assertThat(sessions.json().path("sessions")).hasSize(1);
        Api.Response session = api.get("/api/chat/sessions/" + sessionId, token);
        assertThat(session.json().path("messages")).hasSize(4);

        // 4. the lead reaches Pipedrive: person + deal in the stage named "Initial Contact", 2500 EUR
        Map<String, Object> lead = Map.of("name", "Max Mustermann", "email", email, "phone", "+49 170 1234567",
                "deal_title", "Hochzeits-Anzug Juni 2025", "deal_value", 2500);
        Api.Response created = api.post("/api/crm/lead", lead, token);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long dealId = created.json().path("deal").path("id").asLong();

        ObjectNode person = PIPEDRIVE.persons().get(0);
        assertThat(PIPEDRIVE.persons()).hasSize(1);
        assertThat(person.path("name").asText()).isEqualTo("Max Mustermann");
        assertThat(person.path("emails").get(0).path("value").asText()).isEqualTo(email);
        assertThat(person.path("phones").get(0).path("value").asText()).isEqualTo("+49 170 1234567");
        assertThat(PIPEDRIVE.deals()).hasSize(1);
        ObjectNode pipedriveDeal = PIPEDRIVE.deals().get(0);
        assertThat(pipedriveDeal.path("title").asText()).isEqualTo("Hochzeits-Anzug Juni 2025");
        assertThat(pipedriveDeal.path("value").asDouble()).isEqualTo(2500.0);
        assertThat(pipedriveDeal.path("currency").asText()).isEqualTo("EUR");
        assertThat(pipedriveDeal.path("person_id").asLong()).isEqualTo(person.path("id").asLong());
        long initialContact = stageId("Initial Contact");
        assertThat(pipedriveDeal.path("stage_id").asLong()).isEqualTo(initialContact);
        assertThat(PIPEDRIVE.requests()).allSatisfy(request -> {
            assertThat(request.header("x-api-token")).isEqualTo(PIPEDRIVE.apiToken());
            assertThat(request.query()).doesNotContainKey("api_token");
            assertThat(request.header("authorization")).isNull();
        });

        // 5. the sales team logs in as beta users and finds the deal by email, in the seed's shape
        Account sales = salesPerson();
        Api.Response deals = api.get("/api/crm/deals?email=" + email, sales.accessToken());
        assertThat(deals.status()).as(deals.toString()).isEqualTo(200);
        assertThat(deals.json().path("deals")).hasSize(1);
        JsonNode listed = deals.json().path("deals").get(0);
        assertThat(listed.path("id").asLong()).isEqualTo(dealId);
        assertThat(listed.path("title").asText()).isEqualTo("Hochzeits-Anzug Juni 2025");
        assertThat(listed.path("value").isNumber()).isTrue();
        assertThat(listed.path("value").asInt()).isEqualTo(2500);
        assertThat(listed.path("currency").asText()).isEqualTo("EUR");
        assertThat(listed.path("status").asText()).isEqualTo("open");
        assertThat(listed.path("person_name").asText()).isEqualTo("Max Mustermann");
        assertThat(listed.path("email").asText()).isEqualTo(email);
        assertThat(listed.path("stage_id").asLong()).isEqualTo(initialContact);
        assertThat(listed.path("created_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(listed.has("updated_at")).isTrue();
        assertThat(deals.json().path("page").path("total_elements").asInt()).isEqualTo(1);

        // 6. after the consultation: won, 2800, stage 2 — in the hub and in Pipedrive
        Api.Response updated = api.put("/api/crm/deal/" + dealId,
                Map.of("stage_id", 2, "value", 2800, "status", "won"), sales.accessToken());
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        ObjectNode won = PIPEDRIVE.deal(pipedriveDeal.path("id").asLong()).orElseThrow();
        assertThat(won.path("status").asText()).isEqualTo("won");
        assertThat(won.path("value").asDouble()).isEqualTo(2800.0);
        assertThat(won.path("stage_id").asInt()).isEqualTo(2);
        assertThat(won.path("won_time").isNull()).isFalse();

        JsonNode after = api.get("/api/crm/deals?email=" + email, sales.accessToken()).json().path("deals").get(0);
        assertThat(after.path("status").asText()).isEqualTo("won");
        assertThat(after.path("value").asInt()).isEqualTo(2800);
        assertThat(after.path("stage_id").asInt()).isEqualTo(2);
        assertThat(after.path("sync_status").asText()).isEqualTo("synced");

        // 7. after the sale (the use case's extensions): the won deal is an order, the customer books the
        //    measurement, the order moves on — with the mails the customer gets at each step
        JsonNode order = api.get("/api/orders/customer/" + registered.text("user_id"), token).json().path("orders")
                .get(0);
        assertThat(order.path("deal_id").asLong()).isEqualTo(dealId);
        assertThat(order.path("status").asText()).isEqualTo("confirmed");
        Api.Response measurement = api.post("/api/appointments", Map.of("date",
                de.henk.hub.support.AtelierDays.nextOpenWeekday().toString(), "time", "10:00", "type", "measurement"),
                token);
        assertThat(measurement.status()).as(measurement.toString()).isEqualTo(201);
        assertThat(api.put("/api/orders/" + order.path("id").asLong() + "/status",
                Map.of("status", "measurement_taken"), sales.accessToken()).status()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(de.henk.hub.support.SharedMail.receivedBy(email)).extracting(m -> m.getSubject())
                        .anyMatch(subject -> subject.contains("Ihr Maßanzug"))        // order confirmation (won)
                        .anyMatch(subject -> subject.startsWith("Ihr Termin"))        // measurement, with .ics
                        .anyMatch(subject -> subject.contains("Maße genommen")));     // order status
    }

    private static long stageId(String name) {
        List<ObjectNode> stages = PIPEDRIVE.stages();
        return stages.stream().filter(s -> s.path("name").asText().equals(name)).findFirst().orElseThrow()
                .path("id").asLong();
    }
}
