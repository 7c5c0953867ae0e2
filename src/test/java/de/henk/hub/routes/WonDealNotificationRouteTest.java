package de.henk.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import de.henk.hub.notify.MailDraft;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * The won-deal notification (routes/notifications.camel.yaml, {@code notify-of-event}): a {@code henk.deal.won}
 * CloudEvent queues the customer's order confirmation and a notice to each sales-team address — once, however
 * often the event is delivered. The event channel is replaced by {@code direct:events}; mocks watch the drafts on
 * their way into the mail queue, which stays real.
 */
class WonDealNotificationRouteTest extends RouteTest {

    @Override
    protected void advise() throws Exception {
        advise("notifications", route -> route.replaceFromWith("direct:events"));
        advise("notify-of-event", route -> {
            route.weaveById("queue-order-confirmation").before().to("mock:order-confirmation");
            route.weaveById("queue-won-notice").before().to("mock:won-notice");
            route.weaveById("queue-lead-notice").before().to("mock:lead-notice");
        });
    }

    @Test
    void aWonDealQueuesTheCustomersConfirmationAndTheTeamsNotice() throws Exception {
        String email = uniqueEmail("won");
        String eventId = UUID.randomUUID().toString();
        MockEndpoint customer = mock("mock:order-confirmation");
        MockEndpoint team = mock("mock:won-notice");
        customer.expectedMessageCount(1);
        team.expectedMessageCount(1);
        mock("mock:lead-notice").expectedMessageCount(0);

        Exchange delivered = deliver(dealWon(eventId, email));

        assertThat(delivered.getException()).isNull();
        MockEndpoint.assertIsSatisfied(camel);
        assertThat(drafts(customer)).singleElement().satisfies(draft -> {
            assertThat(draft.kind()).isEqualTo("deal-won-customer");
            assertThat(draft.recipient()).isEqualTo(email);
            assertThat(draft.textBody()).contains("Maßanzug Hochzeit");
        });
        assertThat(drafts(team)).extracting(MailDraft::recipient)
                .containsExactly("team@routes.test", "atelier@routes.test");
        assertThat(drafts(team)).extracting(MailDraft::kind).containsOnly("deal-won-team");
        assertThat(queued(eventId)).containsExactlyInAnyOrder(
                List.of(email, "deal-won-customer"),
                List.of("team@routes.test", "deal-won-team"),
                List.of("atelier@routes.test", "deal-won-team"));
    }

    @Test
    void aRedeliveredEventQueuesNothingNew() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String event = dealWon(eventId, uniqueEmail("won-twice"));

        deliver(event);
        deliver(event);

        // the route renders the mails again; the queue keeps one per event and recipient
        assertThat(mock("mock:order-confirmation").getReceivedCounter()).isEqualTo(2);
        assertThat(queued(eventId)).hasSize(3);
    }

    @Test
    void aDealWithoutEmailStillTellsTheTeam() throws Exception {
        String eventId = UUID.randomUUID().toString();

        deliver(dealWon(eventId, ""));

        assertThat(drafts(mock("mock:order-confirmation"))).as("a customer known by phone is called").isEmpty();
        assertThat(queued(eventId)).extracting(row -> row.get(1)).containsOnly("deal-won-team").hasSize(2);
    }

    @Test
    void aDealWonAgainAfterReopeningMailsNobody() throws Exception {
        String eventId = UUID.randomUUID().toString();

        Exchange delivered = deliver(dealWon(eventId, uniqueEmail("won-again")).replace("\"changed_in\": \"hub\"",
                "\"changed_in\": \"hub\", \"order_created\": false"));

        assertThat(delivered.getException()).isNull();
        assertThat(mock("mock:order-confirmation").getReceivedCounter()).isZero();
        assertThat(mock("mock:won-notice").getReceivedCounter()).isZero();
        assertThat(queued(eventId)).isEmpty();
    }

    private Exchange deliver(String cloudEvent) {
        return template.send("direct:events", exchange -> exchange.getMessage().setBody(cloudEvent));
    }

    private static String dealWon(String eventId, String email) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "/henk-hub", "type": "henk.deal.won",
                 "subject": "deal/4711", "time": "2026-06-01T10:00:00Z",
                 "data": {"deal_id": 4711, "title": "Maßanzug Hochzeit", "value": 2800, "currency": "EUR",
                          "name": "Max Muster", "email": "%s", "phone": "+49 170 1234567", "changed_in": "hub"}}"""
                .formatted(eventId, email);
    }

    @SuppressWarnings("unchecked")
    private static List<MailDraft> drafts(MockEndpoint mock) {
        return mock.getReceivedExchanges().stream().flatMap(e -> ((List<MailDraft>) e.getMessage().getBody()).stream())
                .toList();
    }

    private List<List<String>> queued(String eventId) {
        return db.sql("select recipient, kind from mail_outbox where event_id = :e").param("e", eventId)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).list();
    }
}
