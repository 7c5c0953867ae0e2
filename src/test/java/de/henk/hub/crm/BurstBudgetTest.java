package de.henk.hub.crm;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BurstBudgetTest {

    @Test
    void atMostNCallsPerRollingWindow() throws Exception {
        BurstBudget budget = new BurstBudget(3, Duration.ofMillis(400), Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            assertThat(budget.tryTake(Duration.ZERO)).isTrue();
        }
        // a customer's request does not wait
        assertThat(budget.tryTake(Duration.ZERO)).isFalse();
        // the outbox waits for the window to roll
        long start = System.nanoTime();
        assertThat(budget.tryTake(Duration.ofSeconds(2))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        Thread.sleep(50); // the other two early slots (taken a millisecond or so later) have expired by now
        assertThat(budget.tryTake(Duration.ZERO)).isTrue();
        assertThat(budget.tryTake(Duration.ZERO)).isTrue();
        // full again: it waits no longer than it may
        assertThat(budget.tryTake(Duration.ofMillis(10))).isFalse();
    }
}
