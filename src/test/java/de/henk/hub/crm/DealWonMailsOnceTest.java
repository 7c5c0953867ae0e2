package de.henk.hub.crm;

import de.henk.hub.support.Api;
import de.henk.hub.support.AtOnce;
import de.henk.hub.support.HubTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Vielen Dank für Ihren Auftrag" goes to the customer once per deal, and the team hears of the win once: not once
 * per click of ten sales people winning it at the same moment, nor again when a reopened deal is won again.
 */
class DealWonMailsOnceTest extends HubTest {

    @Autowired
    JdbcClient db;

    @Test
    void aDealWonByTenRequestsAtOnceIsWonOnce() throws Exception {
        Account customer = register(uniqueEmail("kunde"));
        Account sales = salesPerson();
        long deal = lead(customer);

        List<Api.Response> responses = AtOnce.run(10, () -> api.put("/api/crm/deal/" + deal,
                Map.of("status", "won"), sales.accessToken()));

        assertThat(responses).as(responses.toString()).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(db.sql("select count(*) from event_outbox where subject = :s and type = 'henk.deal.won'")
                .param("s", "deal/" + deal).query(Long.class).single()).isEqualTo(1);
        assertThat(db.sql("select count(*) from tailoring_order where deal_id = :d").param("d", deal)
                .query(Long.class).single()).isEqualTo(1);
        assertMailedOnce(deal, customer);
    }

    @Test
    void aDealWonAgainAfterReopeningOrLosingIsNotConfirmedAgain() {
        Account customer = register(uniqueEmail("kunde"));
        Account sales = salesPerson();
        long deal = lead(customer);

        for (String status : List.of("won", "open", "won", "lost", "won")) {
            Api.Response changed = api.put("/api/crm/deal/" + deal, Map.of("status", status), sales.accessToken());
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        }

        assertThat(db.sql("select count(*) from tailoring_order where deal_id = :d").param("d", deal)
                .query(Long.class).single()).isEqualTo(1);
        assertMailedOnce(deal, customer);
    }

    private long lead(Account customer) {
        Api.Response lead = api.post("/api/crm/lead", leadBody("Max Mustermann", customer.email(), "Hochzeits-Anzug",
                2500), customer.accessToken());
        assertThat(lead.status()).as(lead.toString()).isIn(201, 202);
        return lead.json().path("deal").path("id").asLong();
    }

    /** One confirmation to the customer and one notice to the team, still so after the events were all read. */
    private void assertMailedOnce(long deal, Account customer) {
        await().atMost(Duration.ofSeconds(30)).during(Duration.ofSeconds(3)).until(() ->
                mails(deal, "deal-won-customer", customer.email()) == 1 && mails(deal, "deal-won-team", TEAM_EMAIL) == 1);
    }

    private long mails(long deal, String kind, String recipient) {
        return db.sql("""
                select count(*) from mail_outbox m join event_outbox e on e.id = m.event_id
                where e.subject = :s and m.kind = :k and m.recipient = :r""")
                .param("s", "deal/" + deal).param("k", kind).param("r", recipient).query(Long.class).single();
    }
}
