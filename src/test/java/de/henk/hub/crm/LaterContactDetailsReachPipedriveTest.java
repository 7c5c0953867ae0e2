package de.henk.hub.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import de.henk.hub.support.Visitor;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A visitor who left only an email is handed over under a name the hub made up (the email's local part). What the
 * customer says later in the same conversation - "Ich heiße Jana Wolff", a phone number - reaches the hub's deal and,
 * through the outbox (update_person: GET, then PATCH /api/v2/persons/{id}), the Pipedrive person. A name the customer
 * gave before, or one the sales team typed in Pipedrive meanwhile, is never replaced.
 */
class LaterContactDetailsReachPipedriveTest extends HubTest {

    @Autowired
    JdbcClient db;

    @Test
    void aNameAndAPhoneGivenAfterTheHandOverReachTheDealAndThePipedrivePerson() {
        String email = uniqueEmail("jana");
        String placeholder = email.substring(0, email.indexOf('@'));
        String subscriber = subscriber();
        Visitor chat = new Visitor(api);
        Api.Response handedOver = handOver(chat, email);
        long dealId = handedOver.json().path("lead").path("deal_id").asLong();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(PIPEDRIVE.persons()).hasSize(1));
        assertThat(person().path("name").asText()).isEqualTo(placeholder);

        chat.say("Ich heiße Jana Wolff");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(person().path("name").asText()).isEqualTo("Jana Wolff"));
        assertThat(deal(dealId)).containsEntry("person_name", "Jana Wolff").containsEntry("placeholder", false);
        assertThat(lead(dealId)).containsEntry("name", "Jana Wolff");

        chat.say("Und telefonisch erreichen Sie mich unter 0172 " + subscriber);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(person().path("phones").toString()).contains("0172 " + subscriber));
        ObjectNode person = person();
        assertThat(person.path("name").asText()).isEqualTo("Jana Wolff");
        assertThat(person.path("emails")).hasSize(1);
        assertThat(person.path("emails").get(0).path("value").asText()).isEqualTo(email);
        assertThat(person.path("emails").get(0).path("primary").asBoolean()).isTrue();
        assertThat(deal(dealId)).containsEntry("phone", "0172 " + subscriber);
        assertThat(PIPEDRIVE.persons()).hasSize(1);
        assertThat(PIPEDRIVE.deals()).hasSize(1);
        assertThat(PIPEDRIVE.count("PATCH", "/api/v2/persons/")).isEqualTo(2);

        // a name the customer gave is no placeholder: another one later changes nothing, nor does the same number
        chat.say("Mein Name ist Johanna Wolff");
        chat.say("Nochmal meine Nummer: 0172 " + subscriber);
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(PIPEDRIVE.count("PATCH", "/api/v2/persons/")).isEqualTo(2));
        assertThat(person().path("name").asText()).isEqualTo("Jana Wolff");
        assertThat(deal(dealId)).containsEntry("person_name", "Jana Wolff");
        assertThat(db.sql("select count(*) from crm_outbox where deal_id = :id and status <> 'done'")
                .param("id", dealId).query(Long.class).single()).isZero();
    }

    @Test
    void aNameTheSalesTeamTypedInPipedriveStaysWhenTheCustomerGivesTheirsLater() {
        String email = uniqueEmail("team-named");
        Visitor chat = new Visitor(api);
        handOver(chat, email);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(PIPEDRIVE.persons()).hasSize(1));
        long personId = person().path("id").asLong();
        // the team renames the person in Pipedrive (its webhook has not reached the hub yet)
        PIPEDRIVE.asTheSalesTeam("PATCH", "/api/v2/persons/" + personId, Map.of("name", "Frau Dr. Wolff"));
        long patchesBefore = PIPEDRIVE.count("PATCH", "/api/v2/persons/");

        String subscriber = subscriber();
        chat.say("Mein Name ist Jana Wolff, Sie erreichen mich auch unter 0172 " + subscriber);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(person().path("phones").toString()).contains("0172 " + subscriber));
        assertThat(person().path("name").asText()).isEqualTo("Frau Dr. Wolff");
        assertThat(PIPEDRIVE.requests()).filteredOn(r -> r.method().equals("PATCH")).last()
                .satisfies(patch -> assertThat(patch.body()).doesNotContain("\"name\""));
        assertThat(PIPEDRIVE.count("PATCH", "/api/v2/persons/")).isEqualTo(patchesBefore + 1);
    }

    private static String subscriber() {
        return String.format("%07d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 10_000_000));
    }

    private static ObjectNode person() {
        return PIPEDRIVE.persons().get(0);
    }

    private Map<String, Object> deal(long dealId) {
        return db.sql("select person_name, person_name_placeholder as placeholder, email, phone from crm_deal"
                + " where id = :id").param("id", dealId).query().singleRow();
    }

    private Map<String, Object> lead(long dealId) {
        return db.sql("select l.name, l.phone from crm_lead l join crm_deal d on d.lead_id = l.id where d.id = :id")
                .param("id", dealId).query().singleRow();
    }

    /** An anonymous visitor with need, budget, a cloth and an appointment wish, reachable by email alone: handed over. */
    private static Api.Response handOver(Visitor chat, String email) {
        chat.say("Für den Opernball im Februar brauche ich einen Smoking, bis 3k, klassisch in Mitternachtsblau");
        Api.Response turn = chat.say("Den ersten bitte, ich möchte einen Termin – schreiben Sie mir: " + email);
        assertThat(turn.json().path("lead").path("status").asText()).as(turn.toString()).isEqualTo("created");
        return turn;
    }
}
