package de.henk.hub.chat;

import com.fasterxml.jackson.databind.JsonNode;
import de.henk.hub.appointments.AtelierCalendar;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wished day the atelier is closed, or a time outside its opening hours ({@code henk.appointments.opening-hours}),
 * is said, and the nearest open times are offered — over HTTP, against the configured hours.
 */
class OpeningHoursInTheChatTest extends HubTest {

    @Autowired
    AtelierCalendar atelier;

    @Test
    void aSundayIsSaidToBeClosedAndTheNextOpenDaysAreOffered() {
        Api.Response offer = chat("Hätten Sie am Sonntag einen Termin?");
        JsonNode appointment = offer.json().path("appointment");
        LocalDate sunday = atelier.today().with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
        assertThat(atelier.openingHours(sunday)).isEmpty();
        assertThat(appointment.path("status").asText()).as(offer.toString()).isEqualTo("offered");
        assertThat(appointment.path("outside_hours").path("date").asText()).isEqualTo(sunday.toString());
        assertThat(appointment.path("outside_hours").path("opens").isNull()).isTrue();
        assertThat(offer.text("reply")).contains("geschlossen");
        appointment.path("slots").forEach(s -> assertThat(LocalDate.parse(s.path("date").asText())).isAfter(sunday));
    }

    @Test
    void aTimeAfterClosingIsSaidAndTheLatestTimesThatDayAreOffered() {
        Api.Response offer = chat("Einen Termin bitte, Montag abends, so 20 Uhr");
        JsonNode appointment = offer.json().path("appointment");
        LocalDate monday = atelier.today().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalTime[] hours = atelier.openingHours(monday).orElseThrow();
        assertThat(appointment.path("status").asText()).as(offer.toString()).isEqualTo("offered");
        assertThat(appointment.path("chosen").isNull()).isTrue(); // nothing held at a time the atelier is closed
        assertThat(appointment.path("outside_hours").path("closes").asText()).isEqualTo(hours[1].toString());
        assertThat(offer.text("reply")).contains("bis " + hours[1] + " Uhr geöffnet");
        assertThat(appointment.path("slots")).isNotEmpty();
        appointment.path("slots").forEach(s -> assertThat(LocalTime.parse(s.path("time").asText()))
                .isAfterOrEqualTo(hours[1].minusHours(2)));
    }

    @Test
    void afterSixPmOffersNoEarlierTime() {
        Api.Response offer = chat("Can I come in on Friday after 5 pm?");
        JsonNode appointment = offer.json().path("appointment");
        assertThat(appointment.path("status").asText()).as(offer.toString()).isIn("offered", "none_free");
        appointment.path("slots").forEach(s -> assertThat(LocalTime.parse(s.path("time").asText()))
                .isAfterOrEqualTo(LocalTime.of(17, 0)));
    }

    private Api.Response chat(String message) {
        Map<String, Object> body = new HashMap<>();
        body.put("message", message);
        Api.Response response = api.post("/api/chat", body, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }
}
