package de.henk.hub.events;

import de.henk.hub.support.HubTest;
import de.henk.hub.support.SecondHub;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event outbox keeps up with any rate of changes: a poll that claims a full batch claims the next at once,
 * instead of one batch per poll interval (which capped publishing at batch-size / interval — 200 events/s by
 * default, fewer than the offline chat's turns/s, so pending events piled up and every claim got slower).
 */
class EventOutboxKeepsUpTest extends HubTest {

    @Test
    void onePollPublishesEveryBatchThatIsWaiting() throws Exception {
        // a hub of its own: batches of 2, a poll every 4 s
        try (SecondHub hub = SecondHub.start(Map.of("henk.events.batch-size", "2", "henk.events.poll-interval", "4s"))) {
            DomainEvents events = hub.context().getBean(DomainEvents.class);
            TransactionTemplate tx = hub.context().getBean(TransactionTemplate.class);
            JdbcClient db = hub.context().getBean(JdbcClient.class);
            String subject = "test/" + UUID.randomUUID();
            tx.executeWithoutResult(status -> {
                for (int i = 0; i < 7; i++) {
                    events.record("test.happened", subject, DomainEvents.data("n", i));
                }
            });

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(db.sql(
                    "select status from event_outbox where subject = :s").param("s", subject).query(String.class).list())
                    .hasSize(7).containsOnly("published"));
            List<OffsetDateTime> publishedAt = db.sql("select published_at from event_outbox where subject = :s"
                    + " order by published_at").param("s", subject).query(OffsetDateTime.class).list();
            // four batches, all in one poll: well within one interval (one batch per poll would take three more)
            assertThat(Duration.between(publishedAt.get(0), publishedAt.get(6))).isLessThan(Duration.ofSeconds(3));
        }
    }
}
