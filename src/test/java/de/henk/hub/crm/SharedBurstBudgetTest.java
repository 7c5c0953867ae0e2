package de.henk.hub.crm;

import de.henk.hub.support.MovableClock;
import de.henk.hub.config.HenkProperties;
import de.henk.hub.support.OwnDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The Pipedrive budget shared through the database, on the real migrations (a database of its own on the suite's
 * server, H2 or PostgreSQL): two "instances" — two budgets on one database — never hold more permits than the budget between them,
 * a reservation is all or nothing and counts its calls from when they go out, a pause stops everyone (Pipedrive's
 * refusal of the token until a call goes through again, a spent daily budget until midnight UTC), and a database
 * that fails leaves each instance counting on its own instead of failing the lead. The clock is the tests': the
 * window rolls when they say so.
 */
class SharedBurstBudgetTest {

    private static final int REQUESTS = 10;
    private static final Duration WINDOW = Duration.ofSeconds(2);
    /** Permits are busy for the window plus a twentieth of it (the way to Pipedrive). */
    private static final long BUSY_MILLIS = 2100;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private OwnDatabase database;
    private JdbcClient db;
    private DataSourceTransactionManager transactions;

    @BeforeEach
    void migratedDatabase() throws Exception {
        database = OwnDatabase.create();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.username(), "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        db = JdbcClient.create(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        database.close();
    }

    private SharedBurstBudget instance(String name) {
        return new SharedBurstBudget(db, transactions, REQUESTS, WINDOW, clock, name);
    }

    @Test
    void twoInstancesRacingNeverTakeMoreThanTheBudget() throws Exception {
        SharedBurstBudget a = instance("a");
        SharedBurstBudget b = instance("b");
        for (int round = 0; round < 3; round++) {
            // sixteen threads on two instances race for ten permits at the same instant; single permits and
            // reservations of three mixed
            ExecutorService threads = Executors.newFixedThreadPool(16);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> taken = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                SharedBurstBudget budget = t % 2 == 0 ? a : b;
                int size = t % 4 < 2 ? 1 : 3;
                taken.add(threads.submit(() -> {
                    start.await();
                    int permits = 0;
                    for (int i = 0; i < 5; i++) {
                        if (budget.tryTakeAll(size) != null) {
                            permits += size;
                        }
                    }
                    return permits;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : taken) {
                total += f.get(30, TimeUnit.SECONDS);
            }
            threads.shutdown();
            // whatever the race left over is still there, and not a permit more
            while (a.tryTakeAll(1) != null || b.tryTakeAll(1) != null) {
                total++;
            }
            assertThat(total).as("round %d", round).isEqualTo(REQUESTS);
            assertThat(db.sql("select count(*) from pipedrive_permit where permit > 0").query(Long.class).single())
                    .isEqualTo(REQUESTS);

            clock.advance(BUSY_MILLIS - 1);
            assertThat(a.tryTakeAll(1)).as("a window (and the margin) after they were taken").isNull();
            clock.advance(1);
        }
    }

    @Test
    void aReservationIsAllOrNothingAndCountsEachCallFromWhenItGoesOut() {
        SharedBurstBudget a = instance("a");
        SharedBurstBudget b = instance("b");
        SharedBurstBudget.Claim lead = a.tryTakeAll(3);
        assertThat(lead).isNotNull();
        for (int i = 0; i < REQUESTS - 4; i++) {
            assertThat(b.tryTakeAll(1)).isNotNull();
        }
        // one permit left: a whole lead does not fit, a single call does
        assertThat(b.tryTakeAll(3)).isNull();
        assertThat(a.tryTakeAll(2)).isNull();
        assertThat(b.tryTakeAll(1)).isNotNull();
        assertThat(a.tryTakeAll(1)).isNull();

        // the lead's last call goes out a second later: its permits stay busy a window after that call
        clock.advance(1000);
        assertThat(a.use(lead)).isTrue();
        clock.advance(BUSY_MILLIS - 1000);
        assertThat(b.tryTakeAll(REQUESTS - 3)).as("the single permits are free again").isNotNull();
        assertThat(b.tryTakeAll(1)).as("the lead's permits are not").isNull();
        clock.advance(1000);
        assertThat(a.tryTakeAll(3)).isNotNull();
    }

    @Test
    void aPauseStopsEveryInstanceAndRevokesReservations() {
        SharedBurstBudget a = instance("a");
        SharedBurstBudget b = instance("b");
        SharedBurstBudget.Claim lead = a.tryTakeAll(3);
        assertThat(lead).isNotNull();

        // b got 429 from Pipedrive: nobody calls for five seconds
        b.pauseUntil(clock.millis() + 5000);
        assertThat(a.pausedUntil()).isEqualTo(clock.millis() + 5000);
        assertThat(a.tryTakeAll(1)).isNull();
        assertThat(a.use(lead)).as("the reservation made before the pause").isFalse();
        clock.advance(4999);
        assertThat(a.tryTakeAll(1)).isNull();
        clock.advance(1);
        assertThat(a.tryTakeAll(1)).isNotNull();
        // a shorter pause reported later does not shorten it
        b.pauseUntil(clock.millis() + 3000);
        a.pauseUntil(clock.millis() + 1000);
        assertThat(b.pausedUntil()).isEqualTo(clock.millis() + 3000);
    }

    @Test
    void withoutTheDatabaseEachInstanceCountsOnItsOwnAndNoLeadFails() {
        PipedriveGuard guard = new PipedriveGuard(properties(Map.of(
                "henk.pipedrive.limits.requests-per-window", "4", "henk.pipedrive.limits.window", "60s",
                "henk.pipedrive.limits.max-wait-for-permit", "0s", "henk.pipedrive.limits.circuit-open-for", "30s")),
                clock, db, transactions);
        PipedriveGuard.Reservation lead = guard.reserveForInline();
        assertThat(lead).isNotNull();
        assertThat(db.sql("select count(*) from pipedrive_permit where free_at > :now").param("now", clock.millis())
                .query(Long.class).single()).as("taken in the shared budget").isEqualTo(3);

        db.sql("drop table pipedrive_permit").update();
        assertThatCode(() -> guard.admit(lead)).doesNotThrowAnyException();
        // the instance's own budget of four: a reservation of three and one more call, then no more
        PipedriveGuard.Reservation next = guard.reserveForInline();
        assertThat(next).isNotNull();
        assertThatCode(() -> guard.admit(null)).doesNotThrowAnyException();
        assertThatCode(() -> guard.admit(null)).isInstanceOf(PipedriveDeferredException.class);
        assertThat(guard.reserveForInline()).isNull();
        assertThat(guard.state()).isEqualTo("closed");
    }

    @Test
    void aRefusedTokenPausesEveryInstanceAndStandsUntilACallGoesThrough() {
        PipedriveGuard a = guard();
        PipedriveGuard b = guard();
        a.accountRefused(http(401, Map.of()), "5m");
        assertThat(a.state()).isEqualTo("unauthorized");
        assertThat(b.state()).as("the other instance's health says it too").isEqualTo("unauthorized");
        assertThatCode(() -> b.admit(null)).as("nor does it call").isInstanceOf(PipedriveDeferredException.class);
        assertThat(b.reserveForInline()).isNull();
        assertThat(a.pausedForMs()).isEqualTo(300_000);

        clock.advance(300_000);
        assertThat(b.state()).as("the pause is over, the refusal stands").isEqualTo("unauthorized");
        assertThatCode(() -> b.admit(null)).as("the first call after the pause asks Pipedrive")
                .doesNotThrowAnyException();
        b.answered(Map.of("x-ratelimit-remaining", "19"));
        assertThat(b.state()).isEqualTo("closed");
        assertThat(a.state()).as("a call of another instance went through").isEqualTo("closed");

        a.accountRefused(http(403, Map.of()), "5m");
        assertThat(a.state()).as("403 refuses one request, not the account").isEqualTo("closed");
        a.accountRefused(http(402, Map.of()), "1m");
        assertThat(b.state()).isEqualTo("payment_required");
    }

    @Test
    void aSpentDailyBudgetPausesEveryInstanceUntilMidnightUtc() {
        PipedriveGuard a = guard();
        PipedriveGuard b = guard();
        clock.set(Instant.parse("2026-03-02T15:00:00Z"));
        a.answered(Map.of("X-Daily-Requests-Left", "0"));
        assertThat(a.state()).isEqualTo("daily_budget_spent");
        assertThat(b.state()).isEqualTo("daily_budget_spent");
        assertThat(a.pausedUntil()).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
        assertThatCode(() -> a.admit(null)).isInstanceOf(PipedriveDeferredException.class)
                .satisfies(deferred -> assertThat(((PipedriveDeferredException) deferred).retryIn())
                        .isEqualTo(Duration.ofHours(9)));
        assertThatCode(() -> b.admit(null)).isInstanceOf(PipedriveDeferredException.class);

        clock.set(Instant.parse("2026-03-02T23:59:59Z"));
        assertThatCode(() -> b.admit(null)).isInstanceOf(PipedriveDeferredException.class);
        clock.set(Instant.parse("2026-03-03T00:00:00Z"));
        assertThat(a.state()).isEqualTo("closed");
        assertThatCode(() -> a.admit(null)).as("Pipedrive's new day").doesNotThrowAnyException();
        assertThatCode(() -> b.admit(null)).doesNotThrowAnyException();

        // a 429 that says the day's budget is spent waits for the new day too, not just for Retry-After
        a.failed(http(429, Map.of("retry-after", "2", "x-daily-requests-left", "0")));
        assertThat(b.state()).isEqualTo("daily_budget_spent");
        assertThat(a.pausedUntil()).isEqualTo(Instant.parse("2026-03-04T00:00:00Z"));
        a.answered(Map.of("x-daily-requests-left", "1"));
        assertThat(a.state()).as("a number other than 0 changes nothing").isEqualTo("daily_budget_spent");
    }

    /** An instance with the shared budget on this database: budget enough, and no waiting for a permit. */
    private PipedriveGuard guard() {
        return new PipedriveGuard(properties(Map.of("henk.pipedrive.limits.requests-per-window", "20",
                "henk.pipedrive.limits.window", "2s", "henk.pipedrive.limits.max-wait-for-permit", "0s",
                "henk.pipedrive.limits.circuit-open-for", "30s")), clock, db, transactions);
    }

    private static HttpOperationFailedException http(int status, Map<String, String> headers) {
        return new HttpOperationFailedException("https://pipedrive.test/api/v2/deals", status, "status " + status,
                null, headers, "{\"success\":false}");
    }

    private static HenkProperties properties(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bind("henk", HenkProperties.class).get();
    }
}
