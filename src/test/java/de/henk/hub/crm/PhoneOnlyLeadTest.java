package de.henk.hub.crm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import de.henk.hub.support.Visitor;
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

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.jdbc.core.simple.JdbcClient db;

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
    void aChatCustomerHandedOverByPhoneWhoGivesAnEmailLaterHasItInPipedrive() {
        String subscriber = String.format("%07d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 10_000_000));
        String email = uniqueEmail("spaeter");
        Visitor chat = new Visitor(api);
        chat.say("Für den Opernball im Februar brauche ich einen Smoking, bis 3k, klassisch in Mitternachtsblau");
        chat.say("Den ersten bitte, ich möchte einen Termin – Sie erreichen mich unter 0172 " + subscriber);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(PIPEDRIVE.persons()).hasSize(1));
        assertThat(PIPEDRIVE.persons().get(0).path("emails")).isEmpty();
        assertThat(PIPEDRIVE.persons().get(0).path("phones").get(0).path("value").asText())
                .isEqualTo("+49172" + subscriber);

        Api.Response withEmail = chat.say("Und für die Bestätigung: " + email);
        assertThat(withEmail.json().path("lead").path("status").asText()).isEqualTo("created");
        long dealId = withEmail.json().path("lead").path("deal_id").asLong();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(PIPEDRIVE.persons().get(0)
                .path("emails").toString()).contains(email));
        assertThat(PIPEDRIVE.persons()).hasSize(1);
        assertThat(PIPEDRIVE.deals()).hasSize(1);
        assertThat(PIPEDRIVE.count("PATCH", "/api/v2/persons/")).isEqualTo(1);
        Account sales = salesPerson();
        Api.Response deal = api.get("/api/crm/deal/" + dealId, sales.accessToken());
        assertThat(deal.text("email")).isEqualTo(email);
        assertThat(deal.text("phone")).isEqualTo("0172 " + subscriber);

        // said again: nothing more to do
        chat.say("Nochmal: " + email);
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(PIPEDRIVE.count("PATCH", "/api/v2/persons/")).isEqualTo(1));
    }

    @Test
    void aWonPhoneOnlyDealTellsTheTeamTheNumberAndMailsNoCustomer() throws Exception {
        Account sales = salesPerson();
        String title = "Smoking " + UUID.randomUUID().toString().substring(0, 6);
        Api.Response lead = api.post("/api/crm/lead", phoneLead("Paul Telefon", "+49 160 5550123", title, 2100),
                sales.accessToken());
        assertThat(lead.status()).as(lead.toString()).isEqualTo(201);
        long dealId = lead.json().path("deal").path("id").asLong();
        assertThat(api.put("/api/crm/deal/" + dealId, Map.of("status", "won"), sales.accessToken()).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> de.henk.hub.support.SharedMail.receivedBy(TEAM_EMAIL)
                .stream().anyMatch(m -> subject(m).contains(title) && subject(m).startsWith("Gewonnen")));
        jakarta.mail.internet.MimeMessage notice = de.henk.hub.support.SharedMail.receivedBy(TEAM_EMAIL).stream()
                .filter(m -> subject(m).contains(title) && subject(m).startsWith("Gewonnen")).findFirst().orElseThrow();
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        notice.writeTo(raw);
        assertThat(raw.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("+49 160 5550123")
                .doesNotContain("<>").doesNotContain("&lt;&gt;");
        assertThat(de.henk.hub.support.SharedMail.received().stream().flatMap(PhoneOnlyLeadTest::recipients))
                .noneMatch(r -> r.isBlank() || r.equals("null"));
        // the order exists for the team to track, with nobody to mail
        assertThat(db.sql("select count(*) from tailoring_order where deal_id = :deal").param("deal", dealId)
                .query(Long.class).single()).isEqualTo(1);
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
        for (String junk : new String[] {"(((((", "+1 23", "0-0-0"}) {
            Api.Response notANumber = api.post("/api/crm/lead", phoneLead("Niemand", junk, "Anzug", 1500),
                    sales.accessToken());
            assertThat(notANumber.status()).as(junk).isEqualTo(400);
            assertThat(notANumber.json().path("errors").get(0).path("field").asText()).isEqualTo("phone");
        }
        assertThat(PIPEDRIVE.deals()).isEmpty();

        Account customer = register(uniqueEmail("kunde"));
        Api.Response own = api.post("/api/crm/lead", phoneLead("Max Mustermann", "+49 170 1234567", "Hochzeits-Anzug",
                2500), customer.accessToken());
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        assertThat(own.json().path("deal").path("email").asText()).isEqualTo(customer.email());
        assertThat(api.get("/api/crm/deal/" + own.json().path("deal").path("id").asLong(), customer.accessToken())
                .status()).isEqualTo(200);
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.stream.Stream<String> recipients(jakarta.mail.internet.MimeMessage message) {
        try {
            return java.util.Arrays.stream(message.getAllRecipients()).map(Object::toString);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
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
