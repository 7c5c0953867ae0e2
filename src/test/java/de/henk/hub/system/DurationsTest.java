package de.henk.hub.system;

import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the route files may write for a duration (a retention, a back-off, a pause): one reading for all. */
class DurationsTest {

    @Test
    void withAUnitInIsoOrAsBareMilliseconds() {
        assertThat(Durations.parse("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Durations.parse("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(Durations.parse("PT5M")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("1500")).as("as the old *-ms keys had it").isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse(" 2s\n")).as("a placeholder with blanks around it").isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void anythingElseIsRefused() {
        assertThatThrownBy(() -> Durations.parse("two seconds")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Durations.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
