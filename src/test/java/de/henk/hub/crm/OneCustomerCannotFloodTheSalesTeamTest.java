package de.henk.hub.crm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A customer's further requests while their deal is open join that deal (a note in Pipedrive, no second deal, no
 * second team notice); beyond the day's limit they get 429 too_many_leads. The sales team is not limited.
 */
class OneCustomerCannotFloodTheSalesTeamTest extends HubTest {

    @Autowired
    private JdbcClient db;

    @Test
    void twentyFiveLeadsOfOneCustomerAreOneDealTheRestJoinsItOrWaits() {
        String email = uniqueEmail("flood");
        Account customer = register(email);
        Api.Response first = api.post("/api/crm/lead", leadBody("Max Flood", email, "Hochzeitsanzug", 2500),
                customer.accessToken());
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        long dealId = first.json().path("deal").path("id").asLong();

        List<Integer> statuses = new ArrayList<>();
        Api.Response refused = null;
        for (int i = 2; i <= 25; i++) {
            Api.Response next = api.post("/api/crm/lead", leadBody("Max Flood", email, "Anzug Nummer " + i, 1000 + i),
                    customer.accessToken());
            statuses.add(next.status());
            if (next.status() == 200) {
                assertThat(next.json().path("status").asText()).isEqualTo("joined");
                assertThat(next.json().path("deal").path("id").asLong()).isEqualTo(dealId);
            } else if (refused == null) {
                refused = next;
            }
        }
        // ten requests a day: the first opened the deal, nine joined it, fifteen wait
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(9);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(15);
        assertThat(refused).isNotNull();
        assertThat(refused.json().path("code").asText()).isEqualTo("too_many_leads");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 86_400L);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");

        long pipedriveDealId = api.get("/api/crm/deal/" + dealId, customer.accessToken()).json()
                .path("pipedrive_deal_id").asLong();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(PIPEDRIVE.notes().stream()
                .filter(n -> n.path("deal_id").asLong() == pipedriveDealId).count()).isEqualTo(9));
        long personId = PIPEDRIVE.deal(pipedriveDealId).orElseThrow().path("person_id").asLong();
        assertThat(PIPEDRIVE.deals().stream().filter(d -> d.path("person_id").asLong() == personId)).hasSize(1);
        assertThat(db.sql("select count(*) from crm_deal where email = :email").param("email", email)
                .query(Long.class).single()).isEqualTo(1);
        // one team notice: the joined requests raise henk.lead.joined, not henk.lead.created
        assertThat(db.sql("select count(*) from event_outbox where type = 'henk.lead.created' and subject = :s")
                .param("s", "deal/" + dealId).query(Long.class).single()).isEqualTo(1);
        assertThat(db.sql("select count(*) from event_outbox where type = 'henk.lead.joined' and subject = :s")
                .param("s", "deal/" + dealId).query(Long.class).single()).isEqualTo(9);
        ObjectNode note = PIPEDRIVE.notes().stream().filter(n -> n.path("deal_id").asLong() == pipedriveDealId)
                .findFirst().orElseThrow();
        assertThat(note.path("content").asText()).contains("Anzug Nummer");
    }

    @Test
    void aReplayedRequestIsAnsweredLikeTheFirstAndCountsOnce() {
        String email = uniqueEmail("replay");
        Account customer = register(email);
        assertThat(api.post("/api/crm/lead", leadBody("Rita Replay", email, "Smoking", 1900), customer.accessToken())
                .status()).isEqualTo(201);
        java.util.Map<String, String> headers = Api.headers(customer.accessToken());
        headers.put("Idempotency-Key", "second-request");
        Api.Response joined = api.send("POST", "/api/crm/lead", leadBody("Rita Replay", email, "Weste dazu", 300),
                headers);
        Api.Response again = api.send("POST", "/api/crm/lead", leadBody("Rita Replay", email, "Weste dazu", 300),
                headers);
        assertThat(joined.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("deal").path("id").asLong())
                .isEqualTo(joined.json().path("deal").path("id").asLong());
        // the replay says what became of the request, as the first answer did (it said "pending": no deal was new)
        assertThat(joined.json().path("status").asText()).isEqualTo("joined");
        assertThat(again.json().path("status").asText()).isEqualTo("joined");
        assertThat(db.sql("select count(*) from crm_lead where email = :email").param("email", email)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theSalesTeamIsNotLimited() {
        Account sales = salesPerson();
        String email = uniqueEmail("walk-in");
        for (int i = 0; i < 12; i++) {
            Api.Response lead = api.post("/api/crm/lead", leadBody("Walk In", email, "Auftrag " + i, 900 + i),
                    sales.accessToken());
            assertThat(lead.status()).as(lead.toString()).isIn(201, 202);
        }
        assertThat(db.sql("select count(*) from crm_deal where email = :email").param("email", email)
                .query(Long.class).single()).isEqualTo(12);
    }
}
