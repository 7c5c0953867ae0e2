package de.henk.hub.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * A deal's update_time decides whether Pipedrive's state is newer than the hub's. API v2 gives it in RFC 3339
 * ({@code 2025-04-15T14:57:34Z}), v1 as {@code 2025-04-15 14:57:34} (UTC), and a stand-in may leave the offset out or
 * add fractions: each is the same instant, never "no time" (which would let an older state win).
 */
class PipedriveTimesAreReadInEveryFormTest {

    private static final OffsetDateTime THEN = OffsetDateTime.parse("2025-04-15T14:57:34Z");

    @Test
    void everyFormOfTheSameTimeIsTheSameInstant() {
        assertThat(DealMirror.parse("2025-04-15T14:57:34Z")).isEqualTo(THEN);
        assertThat(DealMirror.parse("2025-04-15T16:57:34+02:00")).isAtSameInstantAs(THEN);
        assertThat(DealMirror.parse("2025-04-15T14:57:34.000Z")).isEqualTo(THEN);
        assertThat(DealMirror.parse("2025-04-15 14:57:34")).isEqualTo(THEN);
        assertThat(DealMirror.parse("2025-04-15T14:57:34")).as("without an offset: UTC").isEqualTo(THEN);
        assertThat(DealMirror.parse("2025-04-15T14:57:34.250")).isAtSameInstantAs(THEN.plusNanos(250_000_000));
    }

    @Test
    void whatIsNoTimeIsNull() {
        assertThat(DealMirror.parse(null)).isNull();
        assertThat(DealMirror.parse(" ")).isNull();
        assertThat(DealMirror.parse("yesterday")).isNull();
    }
}
