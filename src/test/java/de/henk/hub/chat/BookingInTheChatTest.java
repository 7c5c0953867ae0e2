package de.henk.hub.chat;

import com.fasterxml.jackson.databind.JsonNode;
import de.henk.hub.support.Api;
import de.henk.hub.support.AtelierDays;
import de.henk.hub.support.HubTest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HENK proposes free times and books one for a signed-in customer, over real HTTP: the booking is the same as
 * {@code POST /api/appointments} (own appointments list, availability, no double booking), a time taken in the
 * meantime brings alternatives, and an anonymous customer's choice is booked once they sign in.
 */
class BookingInTheChatTest extends HubTest {

    @Test
    void aSignedInCustomerChoosesOneOfTheOfferedTimesAndIsBooked() {
        Account customer = register(uniqueEmail("chattermin"));
        Api.Response offer = chat("Ich möchte einen Termin zum Maßnehmen vereinbaren", null, customer);
        assertThat(offer.status()).as(offer.toString()).isEqualTo(200);
        JsonNode appointment = offer.json().path("appointment");
        assertThat(appointment.path("status").asText()).isEqualTo("offered");
        assertThat(appointment.path("type").asText()).isEqualTo("measurement");
        List<JsonNode> slots = list(appointment.path("slots"));
        assertThat(slots).hasSize(3);
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1);
        for (JsonNode slot : slots) {
            LocalDate day = LocalDate.parse(slot.path("date").asText());
            assertThat(day).isAfterOrEqualTo(tomorrow);
            assertThat(freeTimes(day, "measurement")).contains(slot.path("time").asText());
        }
        assertThat(slots.stream().map(s -> s.path("date").asText()).distinct()).hasSize(3); // three days to choose from
        assertThat(offer.text("reply")).contains("1) ", "2) ", "3) ").contains("Welcher passt Ihnen?")
                .doesNotContain("melden Sie sich bitte an");

        JsonNode second = slots.get(1);
        Api.Response booked = chat("Der zweite passt mir gut", offer.text("session_id"), customer);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(200);
        JsonNode result = booked.json().path("appointment");
        assertThat(result.path("status").asText()).isEqualTo("booked");
        assertThat(result.path("chosen").path("date").asText()).isEqualTo(second.path("date").asText());
        assertThat(result.path("chosen").path("time").asText()).isEqualTo(second.path("time").asText());
        long id = result.path("appointment_id").asLong();
        assertThat(id).isPositive();
        assertThat(booked.text("reply")).contains("Ihr Termin steht").contains("Maßnehmen")
                .contains(second.path("time").asText() + " Uhr");

        JsonNode mine = api.get("/api/appointments", customer.accessToken()).json().path("appointments");
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).path("id").asLong()).isEqualTo(id);
        assertThat(mine.get(0).path("type").asText()).isEqualTo("measurement");
        assertThat(mine.get(0).path("date").asText()).isEqualTo(second.path("date").asText());
        assertThat(mine.get(0).path("time").asText()).startsWith(second.path("time").asText());
        assertThat(freeTimes(LocalDate.parse(second.path("date").asText()), "measurement"))
                .doesNotContain(second.path("time").asText());

        // the conversation goes on; "der erste" now means nothing to the calendar
        Api.Response after = chat("Danke, der erste wäre auch gegangen", offer.text("session_id"), customer);
        assertThat(after.json().path("appointment").isNull()).isTrue();
        assertThat(api.get("/api/appointments", customer.accessToken()).json().path("appointments")).hasSize(1);
    }

    @Test
    void aTimeTakenInTheMeantimeBringsAlternativesAndNoBooking() {
        Account customer = register(uniqueEmail("chattermin"));
        Api.Response offer = chat("Haben Sie nachmittags einen Termin für eine Beratung frei?", null, customer);
        JsonNode appointment = offer.json().path("appointment");
        assertThat(appointment.path("status").asText()).isEqualTo("offered");
        assertThat(appointment.path("type").asText()).isEqualTo("consultation");
        List<JsonNode> slots = list(appointment.path("slots"));
        assertThat(slots).isNotEmpty();
        for (JsonNode slot : slots) {
            assertThat(LocalTime.parse(slot.path("time").asText())).isAfterOrEqualTo(LocalTime.NOON);
        }
        JsonNode first = slots.get(0);

        Account other = register(uniqueEmail("schneller"));
        Map<String, Object> request = new HashMap<>();
        request.put("date", first.path("date").asText());
        request.put("time", first.path("time").asText());
        request.put("type", "consultation");
        assertThat(api.post("/api/appointments", request, other.accessToken()).status()).isEqualTo(201);

        Api.Response taken = chat("Den ersten nehme ich", offer.text("session_id"), customer);
        JsonNode result = taken.json().path("appointment");
        assertThat(result.path("status").asText()).as(taken.toString()).isEqualTo("taken");
        assertThat(result.path("chosen").path("time").asText()).isEqualTo(first.path("time").asText());
        List<JsonNode> alternatives = list(result.path("slots"));
        assertThat(alternatives).isNotEmpty();
        assertThat(alternatives).noneMatch(s -> s.path("date").asText().equals(first.path("date").asText())
                && s.path("time").asText().equals(first.path("time").asText()));
        assertThat(taken.text("reply")).contains("nicht mehr frei");
        assertThat(api.get("/api/appointments", customer.accessToken()).json().path("appointments")).isEmpty();

        Api.Response booked = chat("Dann den ersten davon", offer.text("session_id"), customer);
        assertThat(booked.json().path("appointment").path("status").asText()).isEqualTo("booked");
        assertThat(booked.json().path("appointment").path("chosen").path("time").asText())
                .isEqualTo(alternatives.get(0).path("time").asText());
    }

    @Test
    void anAnonymousCustomersChoiceIsKeptAndBookedAfterSigningIn() {
        Api.Response offer = chat("Hello, I would like to book an appointment to get measured, in the morning please",
                null, null);
        JsonNode appointment = offer.json().path("appointment");
        assertThat(appointment.path("status").asText()).as(offer.toString()).isEqualTo("offered");
        List<JsonNode> slots = list(appointment.path("slots"));
        slots.forEach(s -> assertThat(LocalTime.parse(s.path("time").asText())).isBefore(LocalTime.NOON));
        assertThat(offer.text("reply")).contains("Which one suits you?").contains("sign in");

        Api.Response chosen = chat("The last one, please", offer.text("session_id"), null);
        JsonNode held = chosen.json().path("appointment");
        assertThat(held.path("status").asText()).isEqualTo("sign_in_required");
        JsonNode last = slots.get(slots.size() - 1);
        assertThat(held.path("chosen").path("time").asText()).isEqualTo(last.path("time").asText());
        assertThat(freeTimes(LocalDate.parse(last.path("date").asText()), "measurement"))
                .contains(last.path("time").asText()); // kept in mind, not booked

        Account customer = register(uniqueEmail("anonym"));
        Api.Response booked = chat("Yes", offer.text("session_id"), customer);
        JsonNode result = booked.json().path("appointment");
        assertThat(result.path("status").asText()).as(booked.toString()).isEqualTo("booked");
        assertThat(result.path("chosen").path("date").asText()).isEqualTo(last.path("date").asText());
        assertThat(booked.text("reply")).contains("You are booked");
        JsonNode mine = api.get("/api/appointments", customer.accessToken()).json().path("appointments");
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).path("time").asText()).startsWith(last.path("time").asText());

        // the session is now the customer's: nobody else books through it
        Account stranger = register(uniqueEmail("fremd"));
        assertThat(chat("Yes", offer.text("session_id"), stranger).status()).isEqualTo(404);
    }

    /** A time held for an anonymous customer who then leaves an email: the team is to confirm that very time. */
    @Test
    void aHeldTimeGoesWithTheLeadWhenTheCustomerLeavesAnEmailInstead() {
        String email = uniqueEmail("held");
        Api.Response first = chat("Anzug für eine Hochzeit im Juni, 2500 Euro, klassisch marineblau", null, null);
        Api.Response offer = chat("Ich möchte einen Termin zum Maßnehmen, gern vormittags", first.text("session_id"),
                null);
        assertThat(offer.json().path("appointment").path("status").asText()).as(offer.toString()).isEqualTo("offered");
        Api.Response chosen = chat("der erste", offer.text("session_id"), null);
        JsonNode held = chosen.json().path("appointment").path("chosen");
        assertThat(chosen.json().path("appointment").path("status").asText()).isEqualTo("sign_in_required");
        String when = ChatAppointments.describe(new OfferedSlot("measurement", held.path("date").asText(),
                held.path("time").asText()), true);

        Api.Response handedOver = chat("Max Muster, " + email, offer.text("session_id"), null);
        assertThat(handedOver.json().path("lead").path("status").asText()).as(handedOver.toString())
                .isEqualTo("created");
        assertThat(handedOver.text("reply")).contains("Wunschtermin am " + when);
        long dealId = handedOver.json().path("lead").path("deal_id").asLong();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(PIPEDRIVE.notes()).anySatisfy(note -> assertThat(note.path("content").asText())
                        .contains("Wunschtermin (noch nicht gebucht): " + when)));
        assertThat(dealId).isPositive();
    }

    /**
     * The same without a budget or a date: the time picked and the email are enough for the team to confirm it, and
     * the time stays held in the response on every later turn.
     */
    @Test
    void aHeldTimeAndAnEmailAreALeadEvenBeforeBudgetOrDateAndTheTimeStaysHeld() {
        String email = uniqueEmail("gehalten");
        Api.Response offer = chat("Ich möchte einen Termin zum Maßnehmen", null, null);
        Api.Response chosen = chat("der erste", offer.text("session_id"), null);
        JsonNode held = chosen.json().path("appointment").path("chosen");
        String when = ChatAppointments.describe(new OfferedSlot("measurement", held.path("date").asText(),
                held.path("time").asText()), true);

        Api.Response contact = chat(email, offer.text("session_id"), null);
        assertThat(contact.json().path("lead").path("status").asText()).as(contact.toString()).isEqualTo("created");
        assertThat(contact.text("reply")).contains("Wunschtermin am " + when).contains(email)
                .doesNotContain("Welcher passt Ihnen");
        assertThat(contact.json().path("appointment").path("status").asText()).isEqualTo("sign_in_required");
        assertThat(contact.json().path("appointment").path("chosen")).isEqualTo(held);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(PIPEDRIVE.notes()).anySatisfy(note -> assertThat(note.path("content").asText())
                        .contains("Wunschtermin (noch nicht gebucht): " + when).contains("Wunschtermin gewählt")));

        Api.Response later = chat("Es ist für eine Hochzeit", offer.text("session_id"), null);
        assertThat(later.json().path("appointment").path("chosen")).as(later.toString()).isEqualTo(held);
        assertThat(later.text("reply")).doesNotContain("halte ich für Sie fest");
    }

    /** Times on offer, then an email instead of a pick: the offer stands; the pick after it goes to the team. */
    @Test
    void contactDetailsLeftWhileTimesAreOfferedKeepTheOfferAndThePickReachesTheTeam() {
        Api.Response offer = chat("Ich möchte einen Termin zum Maßnehmen", null, null);
        Api.Response saturday = chat("Samstag vormittag", offer.text("session_id"), null);
        JsonNode slots = saturday.json().path("appointment").path("slots");
        assertThat(slots.size()).as(saturday.toString()).isPositive();

        Api.Response contact = chat(uniqueEmail("petra"), offer.text("session_id"), null);
        assertThat(contact.json().path("appointment").path("status").asText()).as(contact.toString())
                .isEqualTo("offered");
        assertThat(contact.json().path("appointment").path("slots")).isEqualTo(slots);

        Api.Response picked = chat("der erste", offer.text("session_id"), null);
        assertThat(picked.json().path("appointment").path("status").asText()).as(picked.toString())
                .isEqualTo("sign_in_required");
        assertThat(picked.json().path("appointment").path("chosen")).isEqualTo(slots.get(0));
        assertThat(picked.json().path("lead").path("status").asText()).isEqualTo("created");
    }

    @Test
    void aCustomerWhoNamesDayAndTimeIsBookedDirectlyAndTheEventDayIsNotTakenForIt() {
        Account customer = register(uniqueEmail("direkt"));
        LocalDate day = AtelierDays.nextOpenWeekday();
        String german = day.getDayOfMonth() + "." + day.getMonthValue() + "." + day.getYear();
        Api.Response booked = chat("Bitte buchen Sie mir einen Termin zur Anprobe am " + german + " um 11 Uhr", null,
                customer);
        JsonNode result = booked.json().path("appointment");
        assertThat(result.path("status").asText()).as(booked.toString()).isEqualTo("booked");
        assertThat(result.path("type").asText()).isEqualTo("first-fitting");
        assertThat(result.path("chosen").path("date").asText()).isEqualTo(day.toString());
        assertThat(result.path("chosen").path("time").asText()).isEqualTo("11:00");

        LocalDate wedding = day.plusMonths(5);
        Api.Response wish = chat("Ich heirate am " + wedding.getDayOfMonth() + "." + wedding.getMonthValue() + "."
                + wedding.getYear() + " und möchte einen Termin zum Maßnehmen", null, customer);
        JsonNode offer = wish.json().path("appointment");
        assertThat(offer.path("status").asText()).as(wish.toString()).isEqualTo("offered");
        list(offer.path("slots")).forEach(s -> assertThat(LocalDate.parse(s.path("date").asText()))
                .isBefore(LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(30)));
        assertThat(wish.json().path("profile").path("event_date").asText()).isEqualTo(wedding.toString());
    }

    @Test
    void aCustomerWhoSaysNoOrTalksAboutSomethingElseIsNotOfferedTimes() {
        Account customer = register(uniqueEmail("nein"));
        Api.Response question = chat("Wie lange dauert ein Termin zum Maßnehmen?", null, customer);
        assertThat(question.status()).isEqualTo(200);
        assertThat(question.json().path("appointment").isNull()).as(question.toString()).isTrue();

        Api.Response offer = chat("Ich möchte einen Termin vereinbaren", question.text("session_id"), customer);
        assertThat(offer.json().path("appointment").path("status").asText()).isEqualTo("offered");
        Api.Response no = chat("Nein danke, ich melde mich später selbst", offer.text("session_id"), customer);
        assertThat(no.json().path("appointment").isNull()).as(no.toString()).isTrue();
        Api.Response ordinal = chat("Der erste", offer.text("session_id"), customer);
        assertThat(ordinal.json().path("appointment").isNull()).as(ordinal.toString()).isTrue();
        assertThat(api.get("/api/appointments", customer.accessToken()).json().path("appointments")).isEmpty();
    }

    private List<String> freeTimes(LocalDate day, String type) {
        Api.Response free = api.get("/api/appointments/availability?date=" + day + "&type=" + type, null);
        assertThat(free.status()).as(free.toString()).isEqualTo(200);
        List<String> times = new ArrayList<>();
        free.json().path("free_times").forEach(t -> times.add(t.asText().substring(0, 5)));
        return times;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private Api.Response chat(String message, String sessionId, Account account) {
        Map<String, Object> body = new HashMap<>();
        body.put("message", message);
        if (sessionId != null) {
            body.put("session_id", sessionId);
        }
        return api.post("/api/chat", body, account == null ? null : account.accessToken());
    }
}
