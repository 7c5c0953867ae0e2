package de.henk.hub.crm;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BurstBudgetTest {

    @Test
    void atMostNCallsPerRollingWindow() throws Exception {
        BurstBudget budget = new BurstBudget(3, Duration.ofMillis(400), Clock.systemUTC());
        // take the first burst in a tight loop, assert afterwards (assertions load classes and take time)
        boolean[] burst = {budget.tryTake(Duration.ZERO), budget.tryTake(Duration.ZERO), budget.tryTake(Duration.ZERO),
                budget.tryTake(Duration.ZERO)};
        assertThat(burst).containsExactly(true, true, true, false);

        // the outbox waits for the window to roll
        long start = System.nanoTime();
        assertThat(budget.tryTake(Duration.ofSeconds(2))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));

        Thread.sleep(100); // the first burst has expired by now; the slot taken after waiting is still in the window
        boolean[] refill = {budget.tryTake(Duration.ZERO), budget.tryTake(Duration.ZERO),
                budget.tryTake(Duration.ofMillis(10))};
        assertThat(refill).containsExactly(true, true, false);
    }

    @Test
    void aReservationTakesAllOrNothing() throws Exception {
        BurstBudget budget = new BurstBudget(4, Duration.ofSeconds(10), Clock.systemUTC());
        assertThat(budget.tryTakeAll(3)).isTrue();
        assertThat(budget.tryTakeAll(3)).isFalse();
        assertThat(budget.tryTake(Duration.ZERO)).isTrue();
    }
}
