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
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
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
 * a reservation is all or nothing and counts its calls from when they go out, Pipedrive's answer keeps a call's permit
 * busy a window after it and its count overrules a budget that believes more calls are left, a pause stops everyone
 * (Pipedrive's refusal of the token until a call goes through again, a spent daily budget until midnight UTC), and a
 * database that fails leaves each instance counting on its own instead of failing the lead. The clock is the tests':
 * the window rolls when they say so.
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
    void aCallThatReachedPipedriveLateKeepsItsPermitBusyAWindowAfterPipedrivesAnswer() {
        SharedBurstBudget a = instance("a");
        SharedBurstBudget b = instance("b");
        SharedBurstBudget.Claim late = a.tryTakeAll(1);
        SharedBurstBudget.Claim prompt = a.tryTakeAll(1);
        for (int i = 0; i < REQUESTS - 2; i++) {
            assertThat(b.tryTakeAll(1)).isNotNull();
        }
        // one call is answered at once; the other took half a second to reach Pipedrive (a busy machine)
        clock.advance(10);
        a.answered(prompt);
        clock.advance(490);
        a.answered(late);

        // a window and the margin after they were taken: Pipedrive still counts the late call, the budget too
        clock.advance(BUSY_MILLIS - 500);
        assertThat(b.tryTakeAll(REQUESTS)).isNull();
        assertThat(b.tryTakeAll(REQUESTS - 1)).as("the prompt call's permit is free, as before").isNotNull();
        // a window after the answer
        clock.advance(500 + WINDOW.toMillis() - BUSY_MILLIS - 1);
        assertThat(b.tryTakeAll(1)).isNull();
        clock.advance(1);
        SharedBurstBudget.Claim again = b.tryTakeAll(1);
        assertThat(again).isNotNull();
        // an answer that comes after the permit was taken again stamps nothing of the new call's
        clock.advance(BUSY_MILLIS - 1);
        a.answered(late);
        clock.advance(1);
        assertThat(b.tryTakeAll(REQUESTS)).isNotNull();
    }

    @Test
    void whenPipedriveCountsMoreCallsInItsWindowThanTheBudgetEveryInstanceTakesPipedrivesNumber() {
        SharedBurstBudget a = instance("a");
        SharedBurstBudget b = instance("b");
        // another client of the API token made three calls: Pipedrive says 7 of 10 remain, before a permit was taken
        b.remaining(REQUESTS - 3, REQUESTS);
        assertThat(a.tryTakeAll(REQUESTS - 2)).as("Pipedrive's number, not the budget's").isNull();
        assertThat(a.tryTakeAll(REQUESTS - 3)).isNotNull();
        assertThat(b.tryTakeAll(1)).isNull();
        clock.advance(BUSY_MILLIS);

        // ten calls; a window and the margin later the budget has all ten free again - but three of them reached
        // Pipedrive late (a busy machine), and Pipedrive still counts them
        assertThat(a.tryTakeAll(REQUESTS)).isNotNull();
        clock.advance(BUSY_MILLIS);
        a.remaining(REQUESTS - 3, REQUESTS);
        b.remaining(REQUESTS - 3, REQUESTS); // the same answer read by the other instance takes nothing more
        assertThat(b.tryTakeAll(REQUESTS - 2)).isNull();
        assertThat(b.tryTakeAll(REQUESTS - 3)).as("seven, for both instances").isNotNull();
        assertThat(a.tryTakeAll(1)).isNull();
        // the three count as calls that went out when Pipedrive said so
        clock.advance(BUSY_MILLIS - 1);
        assertThat(a.tryTakeAll(1)).isNull();
        clock.advance(1);

        // four calls under way, six free: Pipedrive saying six (or more, or of a higher limit) changes nothing
        assertThat(a.tryTakeAll(4)).isNotNull();
        b.remaining(REQUESTS - 4, REQUESTS);
        b.remaining(REQUESTS - 4, 0);
        b.remaining(95, 100);
        assertThat(a.tryTakeAll(REQUESTS - 4)).isNotNull();
        assertThat(db.sql("select count(*) from pipedrive_permit where permit > 0").query(Long.class).single())
                .isEqualTo(REQUESTS);
    }

    @Test
    void theGuardHandsPipedrivesNumberToTheSharedBudget() {
        PipedriveGuard a = guard();
        PipedriveGuard b = guard();
        a.answered(Map.of("x-ratelimit-limit", "20", "x-ratelimit-remaining", "2", "x-ratelimit-reset", "1"));
        assertThat(b.reserveForInline()).as("a whole lead does not fit into two calls").isNull();
        assertThatCode(() -> b.admit(null)).doesNotThrowAnyException();
        assertThatCode(() -> b.admit(null)).doesNotThrowAnyException();
        assertThatCode(() -> b.admit(null)).isInstanceOf(PipedriveDeferredException.class);
        assertThat(a.state()).as("no pause: two calls were left").isEqualTo("closed");
    }

    @Test
    void pipedrivesAnswerStampsThePermitItsCallWentOutUnder() {
        PipedriveGuard a = guard();
        PipedriveGuard b = guard();
        Exchange call = new DefaultExchange(new DefaultCamelContext());
        a.admit(null, call);
        assertThat(call.getVariable(PipedriveGuard.PERMIT)).as("the claim the call went out under").isNotNull();
        for (int i = 0; i < 19; i++) {
            assertThatCode(() -> b.admit(null)).doesNotThrowAnyException();
        }
        clock.advance(700); // the call reached Pipedrive late: its answer comes now
        a.answered(Map.of(), call.getVariable(PipedriveGuard.PERMIT));

        clock.advance(2100 - 700); // the window and the margin after the permits were taken
        for (int i = 0; i < 19; i++) {
            assertThatCode(() -> b.admit(null)).doesNotThrowAnyException();
        }
        assertThatCode(() -> b.admit(null)).as("Pipedrive counts the late call until a window after its answer")
                .isInstanceOf(PipedriveDeferredException.class);
        clock.advance(600);
        assertThatCode(() -> b.admit(null)).doesNotThrowAnyException();
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
