package de.henk.hub.crm;

import com.fasterxml.jackson.databind.JsonNode;
import de.henk.hub.config.HenkProperties;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import de.henk.hub.support.RecordedRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pipedrive answers a search or a list in pages (additional_data.next_cursor); an account with many similar entries
 * has the one the hub looks for on page 2 or later. The simulator here gives small pages, however many entries the
 * hub asks for, so the hub must follow the cursors to find what it looks for - up to henk.pipedrive.lookup-max-pages.
 */
class LookupsReadPipedrivesNextPagesTest extends HubTest {

    @Autowired
    HenkProperties properties;

    @Test
    void aPhoneOnlyCustomerOnPageTwoOfTheSearchIsFoundNotCreatedAgain() {
        PIPEDRIVE.pageSizeAtMost(2);
        String number = "+49171" + subscriber();
        // other people whose numbers begin with the customer's (Pipedrive matches the term anywhere in a number) ...
        for (int i = 0; i < 3; i++) {
            person("Andere Person " + i, number + i);
        }
        // ... and the customer, whose number the sales team wrote with an extension: below them in the results
        long customer = person("Karl Anrufer", number + " ext. 12");

        Account sales = salesPerson();
        Api.Response lead = api.post("/api/crm/lead", phoneLead("Karl Anrufer", "0171 " + number.substring(6)),
                sales.accessToken());
        assertThat(lead.status()).as(lead.toString()).isEqualTo(201);

        assertThat(PIPEDRIVE.persons()).hasSize(4);
        assertThat(PIPEDRIVE.deals()).singleElement()
                .satisfies(deal -> assertThat(deal.path("person_id").asLong()).isEqualTo(customer));
        List<RecordedRequest> searches = searches();
        assertThat(searches).hasSize(2);
        assertThat(searches.get(0).query()).doesNotContainKey("cursor");
        assertThat(searches.get(1).query()).containsKey("cursor")
                .containsEntry("term", number).containsEntry("fields", "phone");
    }

    @Test
    void aSearchStopsAfterTheConfiguredPagesAndTheLeadGetsAPersonOfItsOwn() {
        int maxPages = properties.pipedrive().lookupMaxPages();
        PIPEDRIVE.pageSizeAtMost(1);
        String number = "+49172" + subscriber();
        for (int i = 0; i < maxPages; i++) {
            person("Andere Person " + i, number + (i % 10) + (i / 10));
        }
        long beyondTheLimit = person("Karl Anrufer", number + " ext. 12");

        Account sales = salesPerson();
        Api.Response lead = api.post("/api/crm/lead", phoneLead("Karl Anrufer", number), sales.accessToken());
        assertThat(lead.status()).as(lead.toString()).isEqualTo(201);

        assertThat(searches()).hasSize(maxPages);
        assertThat(PIPEDRIVE.persons()).hasSize(maxPages + 2);
        assertThat(PIPEDRIVE.deals()).singleElement()
                .satisfies(deal -> assertThat(deal.path("person_id").asLong()).isNotEqualTo(beyondTheLimit));
    }

    private static List<RecordedRequest> searches() {
        return PIPEDRIVE.requests().stream().filter(r -> r.path().equals("/api/v2/persons/search")).toList();
    }

    private static long person(String name, String phone) {
        JsonNode person = PIPEDRIVE.asTheSalesTeam("POST", "/api/v2/persons", Map.of("name", name,
                "phones", List.of(Map.of("value", phone, "primary", true, "label", "work"))));
        return person.path("id").asLong();
    }

    private static String subscriber() {
        return String.format("%07d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 10_000_000));
    }

    private static Map<String, Object> phoneLead(String name, String phone) {
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("name", name);
        lead.put("phone", phone);
        lead.put("deal_title", "Business-Anzug");
        lead.put("deal_value", 1900);
        return lead;
    }
}
