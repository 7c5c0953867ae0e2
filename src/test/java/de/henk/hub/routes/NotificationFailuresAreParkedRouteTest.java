package de.henk.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An event whose mails cannot be made is not lost (routes/notifications.camel.yaml, {@code notification-failures}):
 * it is parked in {@code notification_dead_letter}, the channel's delivery succeeds (Kafka
 * moves on, the in-JVM outbox stops publishing it), and {@code notification-dead-letters} sends it through again —
 * once the cause is gone, its mails are queued and the row goes. The failure is real code in the route's place: the
 * team notice's rendering step is preceded by a step that throws while {@link #BROKEN} is set.
 */
class NotificationFailuresAreParkedRouteTest extends RouteTest {

    private static final AtomicBoolean BROKEN = new AtomicBoolean();
    private static final AtomicInteger TRIES = new AtomicInteger();

    @Override
    protected void advise() throws Exception {
        advise("notifications", route -> route.replaceFromWith("direct:events"));
        advise("notify-of-event", route -> route.weaveById("lead-notice-for-team").before().process(exchange -> {
            TRIES.incrementAndGet();
            if (BROKEN.get()) {
                throw new IllegalStateException("template lead-created-team cannot be rendered");
            }
        }));
    }

    @BeforeEach
    void healthy() {
        BROKEN.set(false);
        TRIES.set(0);
    }

    @Test
    void aFailingEventIsParkedAfterItsRedeliveriesAndSentOnceTheCauseIsGone() {
        String eventId = UUID.randomUUID().toString();
        BROKEN.set(true);

        Exchange delivered = template.send("direct:events", exchange -> exchange.getMessage().setBody(leadCreated(eventId)));

        assertThat(delivered.getException()).as("the channel's delivery succeeds: the event is parked").isNull();
        assertThat(TRIES.get()).isEqualTo(1);
        assertThat(parked(eventId)).containsEntry("event_type", "henk.lead.created").containsEntry("attempts", 1);
        assertThat((String) parked(eventId).get("error")).contains("IllegalStateException", "lead-created-team");
        assertThat(queued(eventId)).isEmpty();

        // still broken: the retry round leaves it parked, one attempt more
        template.sendBody("direct:retry-parked-notifications", null);
        assertThat(parked(eventId)).containsEntry("attempts", 2);
        assertThat(queued(eventId)).isEmpty();

        // fixed: the next round queues the team's notices and clears the row
        BROKEN.set(false);
        template.sendBody("direct:retry-parked-notifications", null);
        assertThat(queued(eventId)).containsExactlyInAnyOrder("team@routes.test", "atelier@routes.test");
        assertThat(db.sql("select count(*) from notification_dead_letter where event_id = :id").param("id", eventId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anEventThatWorksIsNeverParked() {
        String eventId = UUID.randomUUID().toString();

        template.send("direct:events", exchange -> exchange.getMessage().setBody(leadCreated(eventId)));

        assertThat(TRIES.get()).isEqualTo(1);
        assertThat(queued(eventId)).hasSize(2);
        assertThat(db.sql("select count(*) from notification_dead_letter where event_id = :id").param("id", eventId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aMessageThatIsNoCloudEventIsParkedUnderItsDigest() {
        String garbage = "not a cloud event " + UUID.randomUUID();

        Exchange delivered = template.send("direct:events", exchange -> exchange.getMessage().setBody(garbage));

        assertThat(delivered.getException()).isNull();
        List<Map<String, Object>> rows = db.sql("select event_id, event_type, cloud_event from notification_dead_letter"
                + " where cloud_event = :body").param("body", garbage).query().listOfRows();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat((String) row.get("event_id")).startsWith("unreadable:").hasSize("unreadable:".length() + 64);
            assertThat(row.get("event_type")).isNull();
        });
    }

    private Map<String, Object> parked(String eventId) {
        return db.sql("select event_type, attempts, error from notification_dead_letter where event_id = :id")
                .param("id", eventId).query().singleRow();
    }

    private List<String> queued(String eventId) {
        return db.sql("select recipient from mail_outbox where event_id = :e").param("e", eventId)
                .query(String.class).list();
    }

    private static String leadCreated(String eventId) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "/henk-hub", "type": "henk.lead.created",
                 "subject": "deal/4712", "time": "2026-06-01T10:00:00Z",
                 "data": {"deal_id": 4712, "title": "Hochzeits-Anzug", "value": 2500, "currency": "EUR",
                          "name": "Max Muster", "email": "max@example.com", "phone": "", "source": "web"}}"""
                .formatted(eventId);
    }
}
