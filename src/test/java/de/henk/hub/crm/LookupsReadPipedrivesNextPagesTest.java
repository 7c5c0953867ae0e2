package de.henk.hub.crm;

import com.fasterxml.jackson.databind.JsonNode;
import de.henk.hub.config.HenkProperties;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import de.henk.hub.support.RecordedRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

    @Test
    void theDealAnEarlierAttemptCreatedIsFoundBehindDealsTheSalesTeamAddedSince() {
        PIPEDRIVE.pageSizeAtMost(2);
        Account sales = salesPerson();
        String email = uniqueEmail("viele-deals");
        // Pipedrive stores the deal but answers only after the hub's 2 s timeout; meanwhile the sales team adds three
        // deals to the person, which come before it in the person's deals, newest first
        PIPEDRIVE.afterNextDealCreated(() -> {
            long person = PIPEDRIVE.persons().get(0).path("id").asLong();
            for (int i = 0; i < 3; i++) {
                PIPEDRIVE.asTheSalesTeam("POST", "/api/v2/deals", Map.of("title", "Nachbestellung " + i,
                        "person_id", person));
            }
            sleep(3000);
        });
        Api.Response accepted = api.post("/api/crm/lead", leadBody("Anna Schmidt", email, "Hochzeits-Anzug", 2500),
                sales.accessToken());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.get("/api/crm/deals?email=" + email,
                sales.accessToken()).json().path("deals").get(0).path("sync_status").asText()).isEqualTo("synced"));

        assertThat(PIPEDRIVE.deals()).hasSize(4);
        JsonNode hubs = api.get("/api/crm/deals?email=" + email, sales.accessToken()).json().path("deals").get(0);
        JsonNode created = PIPEDRIVE.deals().stream().filter(d -> d.path("origin_id").isTextual()).findFirst()
                .orElseThrow();
        assertThat(PIPEDRIVE.deals()).filteredOn(d -> d.path("origin_id").isTextual()).hasSize(1);
        assertThat(hubs.path("pipedrive_deal_id").asLong()).isEqualTo(created.path("id").asLong());
        List<RecordedRequest> lists = dealLists();
        assertThat(lists).hasSize(2);
        assertThat(lists.get(0).query()).containsEntry("sort_by", "add_time").containsEntry("sort_direction", "desc")
                .doesNotContainKey("cursor");
        assertThat(lists.get(1).query()).containsKey("cursor")
                .containsEntry("person_id", String.valueOf(created.path("person_id").asLong()));
    }

    @Test
    void aReturningCustomersOldDealsAreReadNoFurtherThanThePageThatReachesThem() {
        PIPEDRIVE.pageSizeAtMost(2);
        String email = uniqueEmail("stammkunde");
        long person = PIPEDRIVE.asTheSalesTeam("POST", "/api/v2/persons", Map.of("name", "Clara Stamm",
                "emails", List.of(Map.of("value", email, "primary", true, "label", "work")))).path("id").asLong();
        for (int i = 0; i < 5; i++) {
            PIPEDRIVE.asTheSalesTeam("POST", "/api/v2/deals", Map.of("title", "Anzug " + (2020 + i),
                    "person_id", person, "add_time", (2020 + i) + "-03-01T10:00:00Z"));
        }
        Account sales = salesPerson();
        Api.Response lead = api.post("/api/crm/lead", leadBody("Clara Stamm", email, "Kostüm", 1800),
                sales.accessToken());
        assertThat(lead.status()).as(lead.toString()).isEqualTo(201);
        assertThat(PIPEDRIVE.deals()).hasSize(6);
        // the newest of the five is years older than the lead: nothing on a later page can be its deal
        assertThat(dealLists()).hasSize(1);
    }

    private static List<RecordedRequest> dealLists() {
        return PIPEDRIVE.requests().stream().filter(r -> r.method().equals("GET") && r.path().equals("/api/v2/deals")
                && r.query().containsKey("person_id")).toList();
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
