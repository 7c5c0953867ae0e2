package de.henk.hub.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import de.henk.hub.crm.CrmStore;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A known funnel in a period of its own (January 2030), and every figure of the summary asserted exactly:
 * 6 chats started anonymously, 2 of them turned into accounts; 3 leads and deals (one won, one lost, one open).
 */
class FunnelAnalyticsTest extends HubTest {

    @Autowired
    JdbcClient db;

    @Autowired
    CrmStore crm;

    @Test
    void everyFigureOfAKnownFunnel() {
        String a = user("2030-01-08T12:00:00Z");
        String b = user("2030-01-09T09:00:00Z");
        for (int i = 0; i < 4; i++) {
            session(null, "2030-01-08T10:0" + i + ":00Z");
        }
        String s1 = session(a, "2030-01-08T10:00:00Z");            // anonymous, claimed when A registered
        String sB = session(b, "2030-01-08T11:00:00Z");            // anonymous, claimed when B registered
        String s2 = session(a, "2030-01-10T09:00:00Z");            // started signed in: not anonymous
        messages(s1, 3, "2030-01-08T10:05:00Z", 800);
        messages(s2, 2, "2030-01-10T09:05:00Z", 1500);
        messages(sB, 4, "2030-01-08T11:05:00Z", 1000);

        long dealA = lead(a, "a@funnel.test", 2800, "2030-01-11T10:00:00Z");
        long dealB = lead(b, "b@funnel.test", 1500, "2030-01-12T10:00:00Z");
        lead(null, "anon@funnel.test", 2000, "2030-01-13T10:00:00Z");
        messages(s2, 1, "2030-01-14T10:00:00Z", 1500);             // after the lead, before the win
        handoff(s1, "2030-01-09T10:00:00Z", 4);
        handoff(sB, "2030-01-09T11:00:00Z", 10);
        handoff(s2, "2030-01-10T10:00:00Z", 30);
        handoff(s2, "2030-01-16T10:00:00Z", null);                 // not answered yet
        status(dealA, "won");
        status(dealB, "lost");
        wonEvent(dealA, "2030-01-15T10:00:00Z");

        Api.Response response = api.get("/api/analytics/summary?from=2030-01-07&to=2030-01-21",
                salesPerson().accessToken());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode summary = response.json();
        assertThat(summary.path("conversion").path("anonymous_sessions").asLong()).isEqualTo(6);
        assertThat(summary.path("conversion").path("registered_from_chat").asLong()).isEqualTo(2);
        assertThat(summary.path("conversion").path("rate").asDouble()).isEqualTo(0.3333);

        JsonNode quality = summary.path("lead_quality");
        assertThat(quality.path("leads").asLong()).isEqualTo(2);                // leads of signed-in customers
        assertThat(quality.path("sessions_until_lead").asDouble()).isEqualTo(1.5);  // A 2, B 1
        assertThat(quality.path("turns_until_lead").asDouble()).isEqualTo(4.5);     // A 5, B 4
        assertThat(quality.path("won_deals").asLong()).isEqualTo(1);
        assertThat(quality.path("sessions_until_won").asDouble()).isEqualTo(2.0);
        assertThat(quality.path("turns_until_won").asDouble()).isEqualTo(6.0);

        JsonNode times = summary.path("response_times");
        assertThat(times.path("henk_replies").asLong()).isEqualTo(10);
        assertThat(times.path("henk_p50_ms").asLong()).isEqualTo(1000);   // 800 x3, 1000 x4, 1500 x3
        assertThat(times.path("henk_p95_ms").asLong()).isEqualTo(1500);
        assertThat(times.path("handoffs").asLong()).isEqualTo(4);
        assertThat(times.path("handoffs_answered").asLong()).isEqualTo(3);
        assertThat(times.path("human_first_reply_median_minutes").asDouble()).isEqualTo(10.0);

        JsonNode deals = summary.path("deals");
        assertThat(deals.path("total").asLong()).isEqualTo(3);
        assertThat(deals.path("won").asLong()).isEqualTo(1);
        assertThat(deals.path("lost").asLong()).isEqualTo(1);
        assertThat(deals.path("open").asLong()).isEqualTo(1);
        assertThat(deals.path("average_value").decimalValue()).isEqualByComparingTo("2100");
        assertThat(deals.path("average_won_value").decimalValue()).isEqualByComparingTo("2800");
        assertThat(deals.path("win_rate").asDouble()).isEqualTo(0.5);

        JsonNode weeks = summary.path("weekly");
        assertThat(weeks).hasSize(2);
        assertThat(weeks.get(0).path("week_starting").asText()).isEqualTo("2030-01-07");
        assertThat(weeks.get(0).path("anonymous_sessions").asLong()).isEqualTo(6);
        assertThat(weeks.get(0).path("leads").asLong()).isEqualTo(3);
        assertThat(weeks.get(0).path("won").asLong()).isEqualTo(1);
        assertThat(weeks.get(1).path("leads").asLong()).isZero();

        Api.Response bad = api.get("/api/analytics/summary?from=2030-02-01&to=2030-01-01", salesPerson().accessToken());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(api.get("/api/analytics/summary", register(uniqueEmail("kunde")).accessToken()).status())
                .isEqualTo(403);
    }

    @Test
    void aDealWonAgainAfterReopeningCountsOnceAtItsFirstWin() {
        String c = user("2030-03-01T09:00:00Z");
        String session = session(c, "2030-03-01T10:00:00Z");
        messages(session, 2, "2030-03-01T10:05:00Z", 900);
        long deal = lead(c, "c@funnel.test", 2400, "2030-03-02T10:00:00Z");
        wonEvent(deal, "2030-03-05T10:00:00Z");
        messages(session(c, "2030-03-06T10:00:00Z"), 3, "2030-03-06T10:05:00Z", 900); // after the first win
        wonEvent(deal, "2030-03-07T10:00:00Z");                  // reopened in Pipedrive, won again
        String d = user("2030-02-01T09:00:00Z");
        long earlier = lead(d, "d@funnel.test", 1900, "2030-02-02T10:00:00Z");
        wonEvent(earlier, "2030-02-10T10:00:00Z");               // first won before the period
        wonEvent(earlier, "2030-03-08T10:00:00Z");
        status(deal, "won");
        status(earlier, "won");

        JsonNode quality = api.get("/api/analytics/summary?from=2030-03-01&to=2030-03-15",
                salesPerson().accessToken()).json().path("lead_quality");

        assertThat(quality.path("won_deals").asLong()).as("one deal, won twice; the other first won in February")
                .isEqualTo(1);
        assertThat(quality.path("sessions_until_won").asDouble()).as("counted at the first win").isEqualTo(1.0);
        assertThat(quality.path("turns_until_won").asDouble()).isEqualTo(2.0);
    }

    private String user(String createdAt) {
        String id = UUID.randomUUID().toString();
        db.sql("""
                insert into app_user (id, email, username, password_hash, roles, created_at, updated_at)
                values (:id, :email, 'Funnel', 'x', 'CUSTOMER', :at, :at)""")
                .param("id", id).param("email", id + "@funnel.test").param("at", at(createdAt)).update();
        return id;
    }

    private String session(String userId, String createdAt) {
        String id = UUID.randomUUID().toString();
        db.sql("""
                insert into chat_session (id, user_id, phase, profile, created_at, updated_at)
                values (:id, :user, 'NEEDS', '{}', :at, :at)""")
                .param("id", id).param("user", userId, java.sql.Types.VARCHAR).param("at", at(createdAt)).update();
        return id;
    }

    private void messages(String session, int count, String firstAt, long henkMillis) {
        for (int i = 0; i < count; i++) {
            db.sql("insert into chat_message (session_id, author, content, created_at) values (:s, 'customer', 'x', :at)")
                    .param("s", session).param("at", at(firstAt).plusMinutes(i)).update();
            db.sql("insert into chat_message (session_id, author, content, created_at) values (:s, 'henk', 'y', :at)")
                    .param("s", session).param("at", at(firstAt).plusMinutes(i).plusNanos(henkMillis * 1_000_000))
                    .update();
        }
    }

    private void handoff(String session, String requestedAt, Integer firstReplyAfterMinutes) {
        db.sql("insert into handoff (session_id, status, requested_at, first_reply_at) values (:s, :st, :at, :reply)")
                .param("s", session).param("st", firstReplyAfterMinutes == null ? "open" : "active")
                .param("at", at(requestedAt))
                .param("reply", firstReplyAfterMinutes == null ? null : at(requestedAt).plusMinutes(firstReplyAfterMinutes),
                        java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
    }

    private long lead(String userId, String email, int value, String createdAt) {
        long lead = crm.insertLead(userId, null, "api", "Funnel", email, null, null, at(createdAt));
        return crm.insertDeal(lead, userId, "Anzug", BigDecimal.valueOf(value), "EUR", "Funnel", email, null,
                at(createdAt));
    }

    private void status(long deal, String status) {
        db.sql("update crm_deal set status = :s, sync_status = 'synced' where id = :id").param("s", status)
                .param("id", deal).update();
    }

    private void wonEvent(long deal, String at) {
        db.sql("""
                insert into event_outbox (id, type, subject, payload, status, attempts, next_attempt_at, created_at,
                                          published_at)
                values (:id, 'henk.deal.won', :subject, '{}', 'published', 0, :at, :at, :at)""")
                .param("id", UUID.randomUUID().toString()).param("subject", "deal/" + deal).param("at", at(at)).update();
    }

    private static OffsetDateTime at(String iso) {
        return OffsetDateTime.parse(iso);
    }
}
