package de.henk.hub.config;

import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** henk.appointments.booking-horizon: two years unless set, and never zero or negative. */
class BookingHorizonTest {

    private static HenkProperties.Appointments appointments(Period horizon) {
        return new HenkProperties.Appointments(java.time.ZoneId.of("Europe/Berlin"), java.util.Map.of(), "", 15,
                java.util.Map.of(), Duration.ofHours(24), null, horizon);
    }

    @Test
    void twoYearsUnlessSet() {
        assertThat(appointments(null).bookingHorizon()).isEqualTo(Period.ofYears(2));
        assertThat(appointments(Period.ofDays(90)).bookingHorizon()).isEqualTo(Period.ofDays(90));
    }

    @Test
    void zeroOrNegativeIsRefusedAtStart() {
        assertThatThrownBy(() -> appointments(Period.ZERO)).hasMessageContaining("booking-horizon");
        assertThatThrownBy(() -> appointments(Period.ofMonths(-1))).hasMessageContaining("booking-horizon");
    }
}
