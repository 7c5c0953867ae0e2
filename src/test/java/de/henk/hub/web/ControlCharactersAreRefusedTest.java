package de.henk.hub.web;

import com.fasterxml.jackson.databind.JsonNode;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import de.henk.hub.support.StoredRows;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names, titles, usernames and reasons are one line: CR, LF and the other control characters are refused with
 * {@code 400 validation_failed} naming the field, and nothing is stored. Free text (a chat message) may have them.
 */
class ControlCharactersAreRefusedTest extends HubTest {

    private static final List<String> TABLES = List.of("app_user", "crm_lead", "crm_deal", "crm_outbox",
            "handoff", "mail_outbox");
    private static final List<String> BAD = List.of("Max\r\nBcc: x@evil.example", "Max\nMustermann", "Max\tM",
            "Max\u0000", "Max\u007F", "Max\u001B[31m");

    @Autowired
    JdbcClient db;

    @Test
    void registrationRefusesAUsernameWithAControlCharacter() {
        for (String name : BAD) {
            refused(() -> api.post("/api/auth/register", Map.of("email", uniqueEmail("ctl"), "username", name,
                    "password", PASSWORD), null), "username");
        }
        assertThat(api.post("/api/auth/register", Map.of("email", uniqueEmail("ctl"), "username", "Jörg Weiß-Müller",
                "password", PASSWORD), null).status()).isEqualTo(201);
    }

    @Test
    void aLeadRefusesControlCharactersInNameAndTitle() {
        Account customer = register(uniqueEmail("ctl-lead"));
        for (String bad : BAD) {
            Map<String, Object> name = StoredRows.validLead(customer.email());
            name.put("name", bad);
            refused(() -> api.post("/api/crm/lead", name, customer.accessToken()), "name");
            Map<String, Object> title = StoredRows.validLead(customer.email());
            title.put("deal_title", "Smoking " + bad);
            refused(() -> api.post("/api/crm/lead", title, customer.accessToken()), "deal_title");
        }
    }

    @Test
    void aDealUpdateRefusesALostReasonWithALineBreak() {
        Account customer = register(uniqueEmail("ctl-deal"));
        Api.Response lead = api.post("/api/crm/lead", StoredRows.validLead(customer.email()), customer.accessToken());
        assertThat(lead.status()).isBetween(200, 202);
        long deal = lead.json().path("deal").path("id").asLong();
        Account sales = salesPerson();
        int before = StoredRows.total(db, TABLES);
        Api.Response response = api.put("/api/crm/deal/" + deal, Map.of("status", "lost",
                "lost_reason", "zu teuer\r\nBcc: x@evil.example"), sales.accessToken());
        assertProblem(response, "lost_reason");
        assertThat(StoredRows.total(db, TABLES)).isEqualTo(before);
        assertThat(db.sql("select status from crm_deal where id = :id").param("id", deal).query(String.class)
                .single()).isEqualTo("open");
    }

    @Test
    void aHandoffRefusesAReasonWithALineBreakButAChatMessageMayHaveOne() {
        Account customer = register(uniqueEmail("ctl-handoff"));
        Api.Response chat = api.post("/api/chat", Map.of("message", "Hallo HENK,\nich brauche einen Anzug."),
                customer.accessToken());
        assertThat(chat.status()).isEqualTo(200);
        String session = chat.text("session_id");
        refused(() -> api.post("/api/chat/sessions/" + session + "/handoff",
                Map.of("reason", "bitte\r\nBcc: x@evil.example"), customer.accessToken()), "reason");
    }

    private void refused(Supplier<Api.Response> call, String field) {
        int before = StoredRows.total(db, TABLES);
        assertProblem(call.get(), field);
        assertThat(StoredRows.total(db, TABLES)).as("nothing stored by a refused request").isEqualTo(before);
    }

    private static void assertProblem(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("code").asText()).isEqualTo("validation_failed");
        List<String> fields = new java.util.ArrayList<>();
        for (JsonNode error : response.json().path("errors")) {
            fields.add(error.path("field").asText());
        }
        assertThat(fields).as(response.toString()).contains(field);
    }
}
