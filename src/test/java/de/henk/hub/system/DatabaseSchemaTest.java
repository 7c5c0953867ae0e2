package de.henk.hub.system;

import de.henk.hub.auth.Role;
import de.henk.hub.auth.UserAccount;
import de.henk.hub.auth.UserRepository;
import de.henk.hub.chat.ChatSessions;
import de.henk.hub.crm.CrmOutbox;
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
    @Autowired
    CrmOutbox outbox;

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
    void outboxEntriesOfOneDealAreClaimedInOrderAndOnlyOnce() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        long lead = crm.insertLead(null, null, "api", "Anna", uniqueEmail("outbox"), null, null, now);
        long deal = crm.insertDeal(lead, null, "Anzug", new BigDecimal("1999.50"), "EUR", "Anna", "a@b.de", null, now);
        long create = outbox.enqueue(deal, OutboxEntry.CREATE_DEAL, "{}", now);
        long update = outbox.enqueue(deal, OutboxEntry.UPDATE_DEAL, "{\"status\":\"won\"}", now);
        assertThat(crm.deal(deal).value()).isEqualByComparingTo("1999.50");

        OutboxEntry claimed = outbox.claimNextForDeal(deal);
        assertThat(claimed.id()).isEqualTo(create);
        // claimed by someone: nobody else gets it, and the later entry of the deal waits
        assertThat(outbox.claimNextForDeal(deal)).isNull();
        assertThat(outbox.claimDue()).extracting(OutboxEntry::id).doesNotContain(create, update);
        outbox.completed(claimed);
        assertThat(outbox.claimNextForDeal(deal).id()).isEqualTo(update);
        List<Long> statuses = db.sql("select count(*) from crm_outbox where deal_id = :d and status = 'done'")
                .param("d", deal).query(Long.class).list();
        assertThat(statuses).containsExactly(1L);
    }
}
