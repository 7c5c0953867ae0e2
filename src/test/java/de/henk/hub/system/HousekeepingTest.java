package de.henk.hub.system;

import de.henk.hub.support.HubTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.api.management.ManagedCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * routes/housekeeping.camel.yaml deletes done rows past their retention (the defaults: events 30 days after
 * publishing, webhook deliveries 7 days after processing, refresh tokens 30 days after expiry) and nothing else:
 * not what is pending, not what is recent, not the henk.deal.won events the analytics read. Its second route
 * compacts the embedded H2 file (EmbeddedDatabaseCompactionTest shows what for).
 */
class HousekeepingTest extends HubTest {

    @Autowired
    JdbcClient db;
    @Autowired
    CamelContext camel;
    @Autowired
    DataSource dataSource;

    @Test
    void oldDoneRowsGoAndEverythingElseStays() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String oldPublished = event("henk.test.housekeeping", "published", now.minusDays(31));
        String recentPublished = event("henk.test.housekeeping", "published", now.minusDays(29));
        String oldPending = event("henk.test.housekeeping", "pending", now.minusDays(90));
        String oldWon = event("henk.deal.won", "published", now.minusDays(400));
        String oldWebhook = webhook("done", now.minusDays(8));
        String recentWebhook = webhook("done", now.minusDays(6));
        String oldFailedWebhook = webhook("failed", now.minusDays(30));
        String session = loginSession();
        String longExpired = refreshToken(session, now.minusDays(31));
        String justExpired = refreshToken(session, now.minusDays(1));
        String valid = refreshToken(session, now.plusDays(10));

        camel.createProducerTemplate().sendBody("direct:housekeeping", null);

        assertThat(exists("event_outbox", oldPublished)).isFalse();
        assertThat(exists("event_outbox", recentPublished)).isTrue();
        assertThat(exists("event_outbox", oldPending)).isTrue();
        assertThat(exists("event_outbox", oldWon)).isTrue();
        assertThat(exists("crm_webhook_event", oldWebhook)).isFalse();
        assertThat(exists("crm_webhook_event", recentWebhook)).isTrue();
        assertThat(exists("crm_webhook_event", oldFailedWebhook)).isTrue();
        assertThat(exists("refresh_token", longExpired)).isFalse();
        assertThat(exists("refresh_token", justExpired)).isTrue();
        assertThat(exists("refresh_token", valid)).isTrue();
    }

    @Test
    void manyRowsGoInBatches() {
        OffsetDateTime old = OffsetDateTime.now(ZoneOffset.UTC).minusDays(60);
        int rows = Housekeeping.BATCH * 2 + 7;
        for (int i = 0; i < rows; i++) {
            event("henk.test.housekeeping.batch", "published", old);
        }
        assertThat(count("henk.test.housekeeping.batch")).isGreaterThanOrEqualTo(rows);

        camel.createProducerTemplate().sendBody("direct:housekeeping", null);

        assertThat(count("henk.test.housekeeping.batch")).isZero();
    }

    @Test
    void theEmbeddedDatabaseIsCompactedEverySecondWithoutFailing() throws Exception {
        var route = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class)
                .getManagedRoute("embedded-database-compaction");
        long before = route.getExchangesCompleted();

        await().atMost(Duration.ofSeconds(10)).until(() -> route.getExchangesCompleted() >= before + 2);

        assertThat(route.getExchangesFailed()).isZero();
        var compaction = camel.getRegistry().lookupByNameAndType("embeddedDatabase", EmbeddedDatabaseCompaction.class)
                .compact(80, 1 << 20);
        assertThat(compaction.embedded()).as("compacts on the H2 file, does nothing on PostgreSQL").isEqualTo(isH2());
    }

    private boolean isH2() throws Exception {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL().startsWith("jdbc:h2:file:");
        }
    }

    private String event(String type, String status, OffsetDateTime at) {
        String id = UUID.randomUUID().toString();
        db.sql("""
                insert into event_outbox (id, type, subject, payload, status, attempts, next_attempt_at, created_at,
                                          published_at)
                values (:id, :type, 'test/housekeeping', '{}', :status, 0, :at, :at, :published)""")
                .param("id", id).param("type", type).param("status", status).param("at", at)
                .param("published", "published".equals(status) ? at : null).update();
        return id;
    }

    private String webhook(String status, OffsetDateTime processed) {
        String id = "housekeeping-" + UUID.randomUUID();
        db.sql("""
                insert into crm_webhook_event (id, entity, action, entity_id, payload, status, received_at, processed_at)
                values (:id, 'deal', 'change', 1, '{}', :status, :at, :at)""")
                .param("id", id).param("status", status).param("at", processed).update();
        return id;
    }

    private String loginSession() {
        String user = register(uniqueEmail("housekeeping")).userId();
        String id = UUID.randomUUID().toString();
        db.sql("insert into login_session (id, user_id, created_at) values (:id, :user, :at)")
                .param("id", id).param("user", user).param("at", OffsetDateTime.now(ZoneOffset.UTC)).update();
        return id;
    }

    private String refreshToken(String session, OffsetDateTime expires) {
        String id = UUID.randomUUID().toString();
        db.sql("""
                insert into refresh_token (id, session_id, token_hash, created_at, expires_at)
                values (:id, :session, :hash, :created, :expires)""")
                .param("id", id).param("session", session).param("hash", UUID.randomUUID().toString().replace("-", ""))
                .param("created", expires.minusDays(14)).param("expires", expires).update();
        return id;
    }

    private boolean exists(String table, String id) {
        return db.sql("select count(*) from " + table + " where id = :id").param("id", id).query(Long.class)
                .single() == 1;
    }

    private long count(String type) {
        return db.sql("select count(*) from event_outbox where type = :type").param("type", type).query(Long.class)
                .single();
    }
}
