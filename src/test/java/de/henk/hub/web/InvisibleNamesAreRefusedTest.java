package de.henk.hub.web;

import com.fasterxml.jackson.databind.JsonNode;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import de.henk.hub.support.StoredRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A name (or a deal's title) made only of characters that show nothing — zero-width space, ZWNJ/ZWJ, word joiner,
 * BOM, soft hyphen, white space of any kind, combining marks, blank fillers — was accepted: an account, a lead and a
 * Pipedrive person without a readable name. It is a 400 {@code validation_failed} naming the field, and nothing is
 * stored; a real name keeps its letters and loses such characters at its ends.
 */
class InvisibleNamesAreRefusedTest extends HubTest {

    /** What these requests write themselves (mails and outbox rounds of other tests come and go meanwhile). */
    private static final List<String> TABLES = List.of("app_user", "crm_lead", "crm_deal");
    private static final List<String> INVISIBLE = List.of("\u200B", "\u200B\u200B\u200B", "\u200C\u200D",
            "\u2060", "\uFEFF", "\u00AD", " \u00A0\u3000\u2003", "\u0301\u0308", "\u3164", "\u2800",
            "\u200B \u200D\u00AD\uFEFF", "\u202E\u200F", "\u180E", "\u115F\u1160", "\uDB40\uDC20");

    @Autowired
    JdbcClient db;

    @Test
    void registrationRefusesAUsernameOfInvisibleCharacters() {
        for (String name : INVISIBLE) {
            refused(() -> api.post("/api/auth/register", Map.of("email", uniqueEmail("invisible"), "username", name,
                    "password", PASSWORD), null), "username", name);
        }
    }

    @Test
    void aLeadRefusesANameOrTitleOfInvisibleCharacters() {
        Account customer = register(uniqueEmail("invisible-lead"));
        Account sales = salesPerson();
        for (String invisible : INVISIBLE) {
            Map<String, Object> name = StoredRows.validLead(customer.email());
            name.put("name", invisible);
            refused(() -> api.post("/api/crm/lead", name, customer.accessToken()), "name", invisible);
            refused(() -> api.post("/api/crm/lead", name, sales.accessToken()), "name", invisible);
            Map<String, Object> title = StoredRows.validLead(customer.email());
            title.put("deal_title", invisible);
            refused(() -> api.post("/api/crm/lead", title, customer.accessToken()), "deal_title", invisible);
        }
    }

    @Test
    void invisibleCharactersAtTheEndsOfARealNameAreDropped() {
        Api.Response registered = api.post("/api/auth/register", Map.of("email", uniqueEmail("invisible-ends"),
                "username", "\u200B\uFEFF Anna Schmidt\u00A0\u2060\u00AD", "password", PASSWORD), null);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.text("username")).isEqualTo("Anna Schmidt");
        Api.Response me = api.get("/api/auth/me", registered.text("access_token"));
        assertThat(me.text("username")).isEqualTo("Anna Schmidt");

        Account customer = register(uniqueEmail("invisible-lead-ends"));
        Map<String, Object> body = StoredRows.validLead(customer.email());
        body.put("name", "\u2060Max Mustermann\u200B");
        body.put("deal_title", "\u200DHochzeits-Anzug\u3000");
        Api.Response lead = api.post("/api/crm/lead", body, customer.accessToken());
        assertThat(lead.status()).as(lead.toString()).isBetween(200, 202);
        assertThat(lead.json().path("deal").path("person_name").asText()).isEqualTo("Max Mustermann");
        assertThat(lead.json().path("deal").path("title").asText()).isEqualTo("Hochzeits-Anzug");
    }

    @Test
    void whatJoinsOrMarksLettersInsideANameStays() {
        // ZWNJ inside a Persian name, a ZWJ emoji sequence, "José" with its accent as a combining mark at the end
        for (String name : List.of("Nasrin Mo\u200Cradi", "Familie \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
                "Jose\u0301", "\u674E\u5C0F\u9F99")) {
            Api.Response registered = api.post("/api/auth/register", Map.of("email", uniqueEmail("visible"),
                    "username", name, "password", PASSWORD), null);
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            assertThat(registered.text("username")).isEqualTo(name);
        }
    }

    private void refused(Supplier<Api.Response> call, String field, String value) {
        int before = StoredRows.total(db, TABLES);
        Api.Response response = call.get();
        String shown = value.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList().toString();
        assertThat(response.status()).as(shown + ": " + response).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("code").asText()).as(shown).isEqualTo("validation_failed");
        List<String> fields = new ArrayList<>();
        for (JsonNode error : response.json().path("errors")) {
            fields.add(error.path("field").asText());
        }
        assertThat(fields).as(shown + ": " + response).contains(field);
        assertThat(StoredRows.total(db, TABLES)).as("nothing stored for " + shown).isEqualTo(before);
    }
}
