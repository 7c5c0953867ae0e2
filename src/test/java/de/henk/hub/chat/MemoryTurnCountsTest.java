package de.henk.hub.chat;

import de.henk.hub.auth.Caller;
import de.henk.hub.support.MovableClock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

/**
 * The rate limit counted in this instance's memory (the embedded H2 file: one process): the same sliding window, the
 * same Retry-After and the same exactness under simultaneous turns as the database's counts; and where the counts
 * live follows {@code henk.chat.rate-limit.counts} and the database URL.
 */
class MemoryTurnCountsTest {

    private static final byte[] SECRET = "a secret of at least thirty-two bytes, for tests".getBytes(StandardCharsets.UTF_8);

    @Test
    void theWindowSlidesAsWithTheDatabase() {
        Instant base = Instant.parse("2001-01-01T00:00:00Z");
        MovableClock clock = new MovableClock(base);
        ChatRateLimiter limiter = new ChatRateLimiter(new MemoryTurnCounts(),
                ChatRateLimitTest.settings(1000, 3, Duration.ofSeconds(10)), clock, SECRET);
        ChatRateLimitTest.theWindowSlides(limiter, clock, base, Caller.anonymous(null),
                new ChatRequest("Hallo", UUID.randomUUID().toString()));
    }

    @Test
    void simultaneousTurnsTakeExactlyTheLimit() throws Exception {
        ChatRateLimiter limiter = new ChatRateLimiter(new MemoryTurnCounts(),
                ChatRateLimitTest.settings(1000, 10, Duration.ofHours(1)), Clock.systemUTC(), SECRET);
        for (int round = 0; round < 5; round++) {
            List<Integer> statuses = ChatRateLimitTest.simultaneousTurns(new ChatRateLimiter[] {limiter},
                    new ChatRequest("Hallo", UUID.randomUUID().toString()), 40);
            assertThat(statuses).as("round %d", round).filteredOn(s -> s == 200).hasSize(10);
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(30);
        }
    }

    @Test
    void oldCountsAreForgotten() {
        MemoryTurnCounts counts = new MemoryTurnCounts();
        assertThat(counts.counted("a", 1_000, 5)).isTrue();
        assertThat(counts.counted("a", 2_000, 5)).isTrue();
        assertThat(counts.counted("b", 1_000, 5)).isTrue();
        assertThat(counts.earlier("a", 0, 3_000)).isEqualTo(2);

        counts.forgetBefore(2_000);
        assertThat(counts.keys()).isEqualTo(1);
        assertThat(counts.earlier("a", 0, 3_000)).isEqualTo(1);
        assertThat(counts.slotTurns("a", 1_000, 1_000, 3)).containsExactly(0, 1, 0);
        assertThat(counts.earlier("b", 0, 3_000)).isZero();
    }

    @Test
    void theCountsLiveWhereTheSettingSays() {
        JdbcClient db = mock(JdbcClient.class);
        String file = "jdbc:h2:file:./data/db/henk;MODE=PostgreSQL;WRITE_DELAY=0";
        assertThat(ChatRateLimiter.counts("auto", file, db)).isInstanceOf(MemoryTurnCounts.class);
        assertThat(ChatRateLimiter.counts("auto", file + ";AUTO_SERVER=TRUE", db)).isInstanceOf(DatabaseTurnCounts.class);
        assertThat(ChatRateLimiter.counts("auto", "jdbc:postgresql://db:5432/henk", db))
                .isInstanceOf(DatabaseTurnCounts.class);
        assertThat(ChatRateLimiter.counts("auto", "jdbc:h2:mem:shared-by-two-contexts", db))
                .isInstanceOf(DatabaseTurnCounts.class);
        assertThat(ChatRateLimiter.counts("database", file, db)).isInstanceOf(DatabaseTurnCounts.class);
        assertThat(ChatRateLimiter.counts(" Memory ", "jdbc:postgresql://db:5432/henk", db))
                .isInstanceOf(MemoryTurnCounts.class);
        assertThatThrownBy(() -> ChatRateLimiter.counts("redis", file, db))
                .hasMessageContaining("henk.chat.rate-limit.counts");
    }
}
