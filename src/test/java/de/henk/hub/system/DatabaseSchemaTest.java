package de.henk.hub.system;

import de.henk.hub.auth.Role;
import de.henk.hub.auth.UserAccount;
import de.henk.hub.auth.UserRepository;
import de.henk.hub.chat.ChatSessions;
import de.henk.hub.config.HenkProperties;
import de.henk.hub.crm.CrmOutbox;
import de.henk.hub.crm.CrmSyncMetrics;
import de.henk.hub.events.DomainEvents;
import java.time.Clock;
import java.time.Duration;
import org.springframework.transaction.support.TransactionTemplate;
import de.henk.hub.crm.CrmStore;
import de.henk.hub.crm.OutboxEntry;
import de.henk.hub.support.HubTest;
import de.henk.hub.support.TestDatabase;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The migrations and repositories behave the same on H2 and on PostgreSQL (CI runs this suite on both). */
class DatabaseSchemaTest extends HubTest {

    @Autowired
    JdbcClient db;
    @Autowired
    UserRepository users;
    @Autowired
    ChatSessions sessions;
    @Autowired
    CrmStore crm;

    @Test
    void migrationsRanOnTheConfiguredDatabase() {
        String product = db.sql("select 1").query((rs, n) -> {
            try {
                return rs.getStatement().getConnection().getMetaData().getDatabaseProductName();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }).single();
        assertThat(product).isEqualTo(TestDatabase.postgres() ? "PostgreSQL" : "H2");
        assertThat(db.sql("select count(*) from flyway_schema_history where success = true").query(Long.class).single())
                .isPositive();
    }

    @Test
    void usersRoundTripWithUnicodeTimestampsAndUniqueEmails() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        String email = uniqueEmail("schema");
        UserAccount user = new UserAccount(UUID.randomUUID().toString(), email, "Jürgen Größe 😀", "{bcrypt}x",
                EnumSet.of(Role.CUSTOMER, Role.BETA), now, now);
        users.insert(user);
        UserAccount loaded = users.findByEmail(email).orElseThrow();
        assertThat(loaded.username()).isEqualTo("Jürgen Größe 😀");
        assertThat(loaded.roles()).containsExactlyInAnyOrder(Role.CUSTOMER, Role.BETA);
        assertThat(loaded.createdAt().toInstant()).isEqualTo(now.toInstant());
        assertThatThrownBy(() -> users.insert(new UserAccount(UUID.randomUUID().toString(), email, "x", "y",
                EnumSet.of(Role.CUSTOMER), now, now))).isInstanceOf(DuplicateKeyException.class);
        assertThat(users.search("schema-", 0, 100)).extracting(UserAccount::email).contains(email);
        assertThat(users.search("_", 0, 100)).isEmpty();
    }

    @Test
    void anAnonymousSessionIsClaimedOnlyOnce() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String id = ChatSessions.newId();
        sessions.create(new ChatSessions.StoredSession(id, null, "NEEDS", "{}", now, now));
        String first = register(uniqueEmail("claim")).userId();
        String second = register(uniqueEmail("claim")).userId();
        assertThat(sessions.claim(id, first)).isTrue();
        assertThat(sessions.claim(id, second)).isFalse();
        assertThat(sessions.find(id).orElseThrow().userId()).isEqualTo(first);
    }

    @Test
    void outboxEntriesOfOneDealAreClaimedInOrderAndOnlyOnce(@Autowired HenkProperties properties,
            @Autowired TransactionTemplate tx, @Autowired CrmSyncMetrics metrics,
            @Autowired DomainEvents events, @Autowired de.henk.hub.crm.PhoneNumbers phones) {
        // entries due in an hour, seen through an outbox whose clock is two hours ahead: the running hub's own
        // poller (real clock) leaves them alone, so only this test claims them
        OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1);
        CrmOutbox ahead = new CrmOutbox(db, crm, properties,
                Clock.offset(Clock.systemUTC(), Duration.ofHours(2)), tx, metrics, events, phones);
        long lead = crm.insertLead(null, null, "api", "Anna", uniqueEmail("outbox"), null, null, later);
        long deal = crm.insertDeal(lead, null, "Anzug", new BigDecimal("1999.50"), "EUR", "Anna",
                uniqueEmail("outbox"), null, later);
        long create = ahead.enqueue(deal, OutboxEntry.CREATE_DEAL, "{}", later);
        long update = ahead.enqueue(deal, OutboxEntry.UPDATE_DEAL, "{\"status\":\"won\"}", later);
        assertThat(crm.deal(deal).value()).isEqualByComparingTo("1999.50");

        OutboxEntry claimed = ahead.claimNextForDeal(deal);
        assertThat(claimed.id()).isEqualTo(create);
        // claimed by someone: nobody else gets it, and the later entry of the deal waits
        assertThat(ahead.claimNextForDeal(deal)).isNull();
        ahead.completed(claimed);
        assertThat(ahead.claimNextForDeal(deal).id()).isEqualTo(update);
        List<Long> statuses = db.sql("select count(*) from crm_outbox where deal_id = :d and status = 'done'")
                .param("d", deal).query(Long.class).list();
        assertThat(statuses).containsExactly(1L);
    }
}
