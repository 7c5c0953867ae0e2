package de.henk.hub.chat;

import de.henk.hub.support.MovableClock;
import de.henk.hub.auth.Caller;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import de.henk.hub.support.SecondHub;
import de.henk.hub.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Chat turns cost LLM money: anonymous addresses and sessions are limited, with a 429 that says when to retry — and
 * the limit holds across hub instances, because the counts are in the database. Two limited hubs run on the shared
 * database; each test chats from its own client address ({@code X-Forwarded-For}, which these hubs trust as if
 * behind a load balancer), so turns other tests made from 127.0.0.1 do not count here.
 */
class ChatRateLimitTest extends HubTest {

    private static final byte[] SECRET = JWT_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final int PER_ADDRESS = 7;
    private static final int PER_SESSION = 4;
    private static final int PER_ACCOUNT = 9;

    private static SecondHub hubA;
    private static SecondHub hubB;

    @Autowired
    JdbcClient db;

    @BeforeAll
    static void startTwoLimitedHubs() throws Exception {
        Map<String, String> limited = Map.of("henk.chat.rate-limit.anonymous-per-address", String.valueOf(PER_ADDRESS),
                "henk.chat.rate-limit.per-session", String.valueOf(PER_SESSION),
                "henk.chat.rate-limit.per-account", String.valueOf(PER_ACCOUNT), "henk.chat.rate-limit.window", "1m",
                "server.forward-headers-strategy", "native", "henk.chat.rate-limit.counts", "database");
        hubA = SecondHub.start(limited);
        hubB = SecondHub.start(limited);
    }

    @AfterAll
    static void stopHubs() {
        hubB.close();
        hubA.close();
    }

    @Test
    void anonymousChatIsLimitedPerAddressAndPerSession() {
        Client visitor = new Client(hubA.api(), uniqueAddress(), "");
        Api.Response first = visitor.chat("Hallo", null);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String session = first.text("session_id");
        for (String message : new String[] {"Hochzeit", "im Juni", "2000 €", "klassisch"}) {
            assertThat(visitor.chat(message, session).status()).isEqualTo(200);
        }
        Api.Response perSession = visitor.chat("blau", session);
        assertRateLimited(perSession);
        assertThat(perSession.header("Content-Type")).startsWith("application/problem+json");

        // the address has taken 6 of its 7 turns (the refused one counts too: its address had room, its session not)
        assertThat(visitor.chat("Hallo", null).status()).isEqualTo(200);
        assertRateLimited(visitor.chat("Hallo", null));

        // a signed-in customer is not limited by the address (only per session)
        Account customer = register(uniqueEmail("limited"));
        Api.Response signedIn = new Client(hubA.api(), visitor.address, customer.accessToken()).chat("Hallo", null);
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
    }

    @Test
    void twoInstancesShareTheSessionLimit() {
        Account customer = register(uniqueEmail("two-hubs"));
        Client onA = new Client(hubA.api(), uniqueAddress(), customer.accessToken());
        Client onB = new Client(hubB.api(), onA.address, customer.accessToken());
        String session = onA.chat("Ich suche einen Anzug", null).text("session_id");
        assertThat(onA.chat("für eine Hochzeit", session).status()).isEqualTo(200);
        assertThat(onA.chat("im Juni", session).status()).isEqualTo(200);
        assertThat(onB.chat("Budget 2000 €", session).status()).isEqualTo(200);
        assertThat(onB.chat("klassisch", session).status()).isEqualTo(200);

        // each hub alone has seen two turns of this session; together they have taken its four
        assertRateLimited(onA.chat("in Blau", session));
        assertRateLimited(onB.chat("in Blau", session));
    }

    @Test
    void aSignedInCustomerIsLimitedPerAccountAlsoWithANewSessionPerMessage() {
        // a session of its own for every message escaped the session limit, and signed in there was no other
        Account customer = register(uniqueEmail("new-session-each-time"));
        Client onA = new Client(hubA.api(), uniqueAddress(), customer.accessToken());
        Client onB = new Client(hubB.api(), uniqueAddress(), customer.accessToken());
        for (int turn = 0; turn < PER_ACCOUNT; turn++) {
            Api.Response response = (turn % 2 == 0 ? onA : onB).chat("Hallo", null);
            assertThat(response.status()).as("turn " + turn + ": " + response).isEqualTo(200);
        }
        assertRateLimited(onA.chat("Hallo", null));
        assertRateLimited(onB.chat("Hallo", null));
        // another account from the same address is not affected
        Account other = register(uniqueEmail("new-session-other"));
        assertThat(new Client(hubA.api(), onA.address, other.accessToken()).chat("Hallo", null).status())
                .isEqualTo(200);
    }

    @Test
    void twoInstancesShareTheAddressLimit() {
        String address = uniqueAddress();
        Client onA = new Client(hubA.api(), address, "");
        Client onB = new Client(hubB.api(), address, "");
        for (int turn = 0; turn < PER_ADDRESS; turn++) {
            Api.Response response = (turn % 2 == 0 ? onA : onB).chat("Hallo", null);
            assertThat(response.status()).as("turn " + turn + ": " + response).isEqualTo(200);
        }
        assertRateLimited(onA.chat("Hallo", null));
        assertRateLimited(onB.chat("Hallo", null));
        // another address is not affected
        assertThat(new Client(hubB.api(), uniqueAddress(), "").chat("Hallo", null).status()).isEqualTo(200);
    }

    /** Two instances (two limiters on the one database) and many turns of one session at the same moment. */
    @Test
    void parallelTurnsTakeExactlyTheLimit() throws Exception {
        int limit = 10;
        int attempts = 40;
        ChatSettings settings = settings(1000, limit, Duration.ofHours(1));
        List<Integer> statuses = simultaneousTurns(twoInstances(settings),
                new ChatRequest("Hallo", UUID.randomUUID().toString()), attempts);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(limit);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(attempts - limit);
    }

    /**
     * Many first turns of one slot at the same moment, far under the limit: every one is admitted (a turn whose
     * update missed the row another turn was just inserting was refused with a 429 — seen in a benchmark).
     */
    @Test
    void parallelTurnsUnderTheLimitAreAllAdmitted() throws Exception {
        ChatRateLimiter[] instances = twoInstances(settings(1000, 1000, Duration.ofHours(1)));
        for (int round = 0; round < 5; round++) {
            List<Integer> statuses = simultaneousTurns(instances,
                    new ChatRequest("Hallo", UUID.randomUUID().toString()), 40);
            assertThat(statuses).as("round %d", round).containsOnly(200);
        }
    }

    /** Two limiters on the one database: two hub instances. */
    private ChatRateLimiter[] twoInstances(ChatSettings settings) {
        return new ChatRateLimiter[] {new ChatRateLimiter(new DatabaseTurnCounts(db), settings, Clock.systemUTC(), SECRET),
                new ChatRateLimiter(new DatabaseTurnCounts(db), settings, Clock.systemUTC(), SECRET)};
    }

    /** The statuses of {@code attempts} anonymous turns checked at the same moment, alternately by each instance. */
    static List<Integer> simultaneousTurns(ChatRateLimiter[] instances, ChatRequest turn, int attempts)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<Integer>> outcomes = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                ChatRateLimiter instance = instances[i % instances.length];
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        instance.check(Caller.anonymous(null), turn);
                        return 200;
                    } catch (ApiException e) {
                        return e.status();
                    }
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> outcome : outcomes) {
                statuses.add(outcome.get(30, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The window slides: a burst across a window boundary gets no second allowance, and Retry-After is exact. */
    @Test
    void theWindowSlidesAndRetryAfterSaysWhenTheOldestTurnsLeaveIt() throws Exception {
        // window 10 s (slots of 1 s), three turns; far in the past so this test's rows never meet real ones
        Instant base = Instant.parse("2001-01-01T00:00:00Z");
        MovableClock clock = new MovableClock(base);
        ChatRateLimiter limiter = new ChatRateLimiter(new DatabaseTurnCounts(db), settings(1000, 3, Duration.ofSeconds(10)),
                clock, SECRET);
        ChatRequest turn = new ChatRequest("Hallo", UUID.randomUUID().toString());
        Caller caller = Caller.anonymous(null);

        theWindowSlides(limiter, clock, base, caller, turn);

        // the table holds a keyed hash of the session id, never the id itself, nor its plain SHA-256
        String plainHash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(("session:" + turn.sessionId()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(db.sql("select count(*) from chat_rate_limit where limit_key = :key").param("key", plainHash)
                .query(Long.class).single()).isZero();
        assertThat(db.sql("select count(*) from chat_rate_limit where limit_key like :id")
                .param("id", "%" + turn.sessionId() + "%").query(Long.class).single()).isZero();
        assertThat(db.sql("select sum(turns) from chat_rate_limit where limit_key = :key")
                .param("key", limiter.key("session:" + turn.sessionId())).query(Long.class).single())
                .isEqualTo(6);
    }

    /**
     * Window 10 s (slots of 1 s), three turns, from {@code base}: a burst across a window boundary gets no second
     * allowance, and Retry-After is exact — whichever store holds the counts.
     */
    static void theWindowSlides(ChatRateLimiter limiter, MovableClock clock, Instant base, Caller caller, ChatRequest turn) {
        clock.set(base.plusMillis(200));
        limiter.check(caller, turn);
        clock.set(base.plusMillis(5_500));
        limiter.check(caller, turn);
        limiter.check(caller, turn);
        clock.set(base.plusMillis(6_000));
        assertThat(retryAfter(() -> limiter.check(caller, turn))).isEqualTo(4);  // the turn at 0.2 s leaves at 10 s
        clock.set(base.plusMillis(9_999));
        assertThat(retryAfter(() -> limiter.check(caller, turn))).isEqualTo(1);

        clock.set(base.plusMillis(10_000));
        limiter.check(caller, turn);
        // a fixed window would allow two more now; the sliding one waits for the turns at 5.5 s
        assertThat(retryAfter(() -> limiter.check(caller, turn))).isEqualTo(5);
        clock.set(base.plusMillis(15_000));
        limiter.check(caller, turn);
        limiter.check(caller, turn);
        assertThat(retryAfter(() -> limiter.check(caller, turn))).isEqualTo(5);
    }

    static long retryAfter(Runnable turn) {
        try {
            turn.run();
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.code()).isEqualTo("rate_limited");
            return Long.parseLong(e.headers().get("Retry-After"));
        }
        throw new AssertionError("the turn was not refused");
    }

    private static void assertRateLimited(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(429);
        assertThat(response.json().path("code").asText()).isEqualTo("rate_limited");
        assertThat(Integer.parseInt(response.header("Retry-After"))).isBetween(1, 60);
    }

    static ChatSettings settings(int perAddress, int perSession, Duration window) {
        return new ChatSettings(2000, new ChatSettings.RateLimit(perAddress, perSession, 1000, window, "database"),
                new ChatSettings.Slots(14, 3), new ChatSettings.Store(32));
    }

    /** A client address of its own (documentation range 2001:db8::/32), unique per test and run. */
    private static String uniqueAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "2001:db8:" + Integer.toHexString(random.nextInt(0x10000)) + ":" + Integer.toHexString(random.nextInt(0x10000))
                + "::" + Integer.toHexString(random.nextInt(0x10000));
    }

    /** Chats with one hub from one client address, anonymous ({@code ""}) or with an access token. */
    private record Client(Api hub, String address, String token) {
        Api.Response chat(String message, String sessionId) {
            Map<String, String> headers = Api.headers(token);
            headers.put("X-Forwarded-For", address);
            return hub.send("POST", "/api/chat", sessionId == null ? Map.of("message", message)
                    : Map.of("message", message, "session_id", sessionId), headers);
        }
    }
}
