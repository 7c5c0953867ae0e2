package de.henk.hub.crm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A customer the team can reach only by phone (they called the atelier, or left just a number in the chat) is a
 * lead like any other: the Pipedrive person is created with the phone alone, and a second lead of the same number —
 * written differently — finds that person instead of creating another one.
 */
class PhoneOnlyLeadTest extends HubTest {

    @Test
    void aLeadWithOnlyAPhoneNumberReachesPipedriveAndIsFoundAgainByItsNumber() {
        Account sales = salesPerson();
        String subscriber = String.format("%07d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 10_000_000));
        Api.Response first = api.post("/api/crm/lead", phoneLead("Karl Anrufer", "+49 171 " + subscriber,
                "Business-Anzug", 1900), sales.accessToken());
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("deal").path("email").isNull()).isTrue();
        assertThat(first.json().path("deal").path("phone").asText()).isEqualTo("+49 171 " + subscriber);

        assertThat(PIPEDRIVE.persons()).hasSize(1);
        ObjectNode person = PIPEDRIVE.persons().get(0);
        assertThat(person.path("name").asText()).isEqualTo("Karl Anrufer");
        assertThat(person.path("emails")).isEmpty();
        // the number is the person's identity in Pipedrive: one form, however the customer wrote it
        assertThat(person.path("phones").get(0).path("value").asText()).isEqualTo("+49171" + subscriber);
        var search = PIPEDRIVE.requests().stream().filter(r -> r.path().equals("/api/v2/persons/search"))
                .findFirst().orElseThrow();
        assertThat(search.query()).containsEntry("fields", "phone").containsEntry("term", "+49171" + subscriber);

        // the same customer, the number written the German way: same person, a second deal
        Api.Response second = api.post("/api/crm/lead", phoneLead("Karl Anrufer", "0171/" + subscriber,
                "Sakko", 900), sales.accessToken());
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(PIPEDRIVE.deals()).hasSize(2));
        assertThat(PIPEDRIVE.persons()).hasSize(1);
        assertThat(PIPEDRIVE.deals()).allSatisfy(deal ->
                assertThat(deal.path("person_id").asLong()).isEqualTo(person.path("id").asLong()));
    }

    @Test
    void aLeadNeedsAnEmailOrAPhoneAndACustomersOwnLeadDefaultsToTheirEmail() {
        Account sales = salesPerson();
        Map<String, Object> unreachable = phoneLead("Niemand", null, "Anzug", 1500);
        unreachable.remove("phone");
        Api.Response refused = api.post("/api/crm/lead", unreachable, sales.accessToken());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("code").asText()).isEqualTo("validation_failed");
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("email");
        Map<String, Object> blankEmail = new LinkedHashMap<>(unreachable);
        blankEmail.put("email", "  ");
        assertThat(api.post("/api/crm/lead", blankEmail, sales.accessToken()).status()).isEqualTo(400);
        assertThat(PIPEDRIVE.deals()).isEmpty();

        Account customer = register(uniqueEmail("kunde"));
        Api.Response own = api.post("/api/crm/lead", phoneLead("Max Mustermann", "+49 170 1234567", "Hochzeits-Anzug",
                2500), customer.accessToken());
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        assertThat(own.json().path("deal").path("email").asText()).isEqualTo(customer.email());
        assertThat(api.get("/api/crm/deal/" + own.json().path("deal").path("id").asLong(), customer.accessToken())
                .status()).isEqualTo(200);
    }

    private static Map<String, Object> phoneLead(String name, String phone, String title, int value) {
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("name", name);
        lead.put("phone", phone);
        lead.put("deal_title", title);
        lead.put("deal_value", value);
        return lead;
    }
}
