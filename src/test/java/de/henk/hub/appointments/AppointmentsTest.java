package de.henk.hub.appointments;

import de.henk.hub.support.Api;
import de.henk.hub.support.AtelierDays;
import de.henk.hub.support.HubTest;
import de.henk.hub.support.SecondHub;
import de.henk.hub.support.SharedMail;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Booking the atelier: business hours, no double booking (also concurrently), own appointments only, mails with .ics. */
class AppointmentsTest extends HubTest {

    @Autowired
    private JdbcClient db;

    @Test
    void aCustomerBooksAMeasurementAndGetsAConfirmationWithACalendarInvitation() throws Exception {
        Account customer = register(uniqueEmail("termin"));
        LocalDate day = AtelierDays.nextOpenWeekday();
        Api.Response booked = book(customer, day, "10:00", "measurement");
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        assertThat(booked.json().path("duration_minutes").asInt()).isEqualTo(60);
        assertThat(booked.json().path("time").asText()).startsWith("10:00");

        Api.Response free = api.get("/api/appointments/availability?date=" + day + "&type=consultation", null);
        assertThat(free.status()).isEqualTo(200);
        List<String> times = new ArrayList<>();
        free.json().path("free_times").forEach(t -> times.add(t.asText().substring(0, 5)));
        assertThat(times).contains("11:00").doesNotContain("10:00", "10:30", "10:45");
        assertThat(times).doesNotContain("09:15"); // before opening

        Api.Response mine = api.get("/api/appointments", customer.accessToken());
        assertThat(mine.json().path("appointments")).hasSize(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> !SharedMail.receivedBy(customer.email()).isEmpty());
        MimeMessage mail = SharedMail.receivedBy(customer.email()).get(0);
        assertThat(mail.getSubject()).contains("Maßnehmen").contains("10:00");
        String ics = calendarPart(mail);
        assertThat(ics).contains("BEGIN:VEVENT").contains("METHOD:REQUEST").contains("UID:appointment-")
                .contains("DTSTART:" + day.toString().replace("-", ""));
    }

    @Test
    void theHolidaysAreClosedEveryYearNotOnlyInTheYearsOnceListed() {
        // the default list was 2026's and 2027's dates: Christmas 2027 had 23 free times and could be booked
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
        for (LocalDate closed : List.of(LocalDate.of(today.getYear() + 1, 12, 24),
                LocalDate.of(today.getYear() + 1, 12, 25), LocalDate.of(today.getYear() + 2, 1, 1))) {
            Api.Response free = api.get("/api/appointments/availability?date=" + closed + "&type=pickup", null);
            assertThat(free.status()).as(closed + " " + free).isEqualTo(200);
            assertThat(free.json().path("free_times")).as(closed.toString()).isEmpty();
        }
    }

    @Test
    void badDatesTimesAndTypesAreRejectedAndNothingIsStored() {
        Account customer = register(uniqueEmail("termin"));
        LocalDate day = AtelierDays.nextOpenWeekday();
        assertProblem(book(customer, LocalDate.now().minusDays(3), "10:00", "measurement"), 400, null);
        assertProblem(book(customer, day, "21:00", "measurement"), 400, "outside_business_hours");
        assertProblem(book(customer, day, "18:30", "measurement"), 400, "outside_business_hours");
        assertProblem(book(customer, day, "10:07", "consultation"), 400, "not_on_slot_grid");
        assertProblem(book(customer, day.with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.SUNDAY)), "11:00",
                "measurement"), 400, "atelier_closed");
        assertProblem(book(customer, day, "11:00", "massage"), 400, "unknown_appointment_type");
        assertProblem(api.post("/api/appointments", Map.of("date", "15.06.2026", "time", "10:00",
                "type", "measurement"), customer.accessToken()), 400, "invalid_date");
        assertProblem(api.post("/api/appointments", Map.of("date", day.toString(), "time", "zehn",
                "type", "measurement"), customer.accessToken()), 400, "invalid_time");
        // a date java.time reads but the calendar cannot use: the day's bounds overflowed (500), the year 9999 was booked
        LocalDate farAhead = day.plusYears(3).with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.TUESDAY));
        assertProblem(book(customer, farAhead, "10:00", "measurement"), 400, "date_out_of_range");
        assertProblem(book(customer, LocalDate.of(9999, 12, 31), "10:00", "measurement"), 400, "date_out_of_range");
        for (String date : List.of("%2B999999999-12-31", "-999999999-01-01", "%2B10000-01-04", farAhead.toString(),
                LocalDate.now().minusYears(3).toString())) {
            assertProblem(api.get("/api/appointments/availability?date=" + date + "&type=measurement", null), 400,
                    "date_out_of_range");
        }
        assertThat(api.get("/api/appointments", customer.accessToken()).json().path("appointments")).isEmpty();
    }

    @Test
    void overlappingBookingsAreRefusedAndOfTwoConcurrentOnesExactlyOneWins() throws Exception {
        Account first = register(uniqueEmail("termin"));
        Account second = register(uniqueEmail("termin"));
        LocalDate day = AtelierDays.nextOpenWeekday();
        assertThat(book(first, day, "14:00", "measurement").status()).isEqualTo(201);
        assertProblem(book(second, day, "14:30", "consultation"), 409, "slot_taken");
        assertThat(book(second, day, "15:00", "consultation").status()).isEqualTo(201);

        for (String time : List.of("16:00", "16:45", "17:30")) {
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> race(start, first, day, time));
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> race(start, second, day, time));
            start.countDown();
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(201, 409);
        }
    }

    @Test
    void customersSeeAndCancelOnlyTheirOwnAppointments() throws Exception {
        Account alice = register(uniqueEmail("alice"));
        Account bob = register(uniqueEmail("bob"));
        LocalDate day = AtelierDays.nextOpenWeekday();
        long aliceAppointment = book(alice, day, "12:00", "consultation").json().path("id").asLong();

        assertThat(api.get("/api/appointments", bob.accessToken()).json().path("appointments")).isEmpty();
        assertProblem(api.delete("/api/appointments/" + aliceAppointment, bob.accessToken()), 404,
                "appointment_not_found");
        Map<String, Object> forAlice = new LinkedHashMap<>(Map.of("customer_id", alice.userId(),
                "date", day.toString(), "time", "13:00", "type", "consultation"));
        assertProblem(api.post("/api/appointments", forAlice, bob.accessToken()), 403, "not_your_account");

        // the sales team books for a customer and sees everyone's appointments
        Account sales = salesPerson();
        assertThat(api.post("/api/appointments", forAlice, sales.accessToken()).status()).isEqualTo(201);
        assertThat(api.get("/api/appointments?customer_id=" + alice.userId(), sales.accessToken()).json()
                .path("appointments")).hasSize(2);

        assertThat(api.delete("/api/appointments/" + aliceAppointment, alice.accessToken()).status()).isEqualTo(204);
        assertProblem(api.delete("/api/appointments/" + aliceAppointment, alice.accessToken()), 409, "already_cancelled");
        assertThat(book(bob, day, "12:00", "consultation").status()).isEqualTo(201); // the slot is free again
        await().atMost(Duration.ofSeconds(30)).until(() -> SharedMail.receivedBy(alice.email()).stream()
                .anyMatch(m -> subject(m).startsWith("Abgesagt")));
        MimeMessage cancellation = SharedMail.receivedBy(alice.email()).stream()
                .filter(m -> subject(m).startsWith("Abgesagt")).findFirst().orElseThrow();
        assertThat(calendarPart(cancellation)).contains("METHOD:CANCEL").contains("STATUS:CANCELLED");
    }

    @Test
    void aBookingOnASyncedDealBecomesAPipedriveActivityAndItsCancellationRemovesIt() {
        Account customer = register(uniqueEmail("termin"));
        Api.Response lead = api.post("/api/crm/lead", Map.of("name", "Max Mustermann", "email", customer.email(),
                "deal_title", "Hochzeits-Anzug", "deal_value", 2500), customer.accessToken());
        assertThat(lead.status()).isEqualTo(201);
        Api.Response booked = book(customer, AtelierDays.nextOpenWeekday(), "11:00", "measurement");
        assertThat(booked.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(PIPEDRIVE.activities()).hasSize(1));
        var activity = PIPEDRIVE.activities().get(0);
        assertThat(activity.path("type").asText()).isEqualTo("meeting");
        assertThat(activity.path("deal_id").asLong()).isEqualTo(lead.json().path("deal").path("pipedrive_deal_id")
                .asLong());
        assertThat(activity.path("subject").asText()).contains("Maßnehmen");
        assertThat(activity.path("duration").asText()).isEqualTo("01:00");
        assertThat(activity.path("is_deleted").asBoolean()).isFalse();

        assertThat(api.delete("/api/appointments/" + booked.json().path("id").asLong(), customer.accessToken())
                .status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(PIPEDRIVE.activities().get(0).path("is_deleted").asBoolean()).isTrue());
        assertThat(PIPEDRIVE.count("DELETE", "/api/v2/activities/" + activity.path("id").asLong())).isEqualTo(1);

        // someone deleted the next one in Pipedrive already: Pipedrive's 404 means done, not a failure
        Api.Response second = book(customer, AtelierDays.nextOpenWeekday(), "15:00", "consultation");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(PIPEDRIVE.activities()).hasSize(2));
        long secondActivity = PIPEDRIVE.activities().get(1).path("id").asLong();
        PIPEDRIVE.asTheSalesTeam("DELETE", "/api/v2/activities/" + secondActivity, null);
        assertThat(api.delete("/api/appointments/" + second.json().path("id").asLong(), customer.accessToken())
                .status()).isEqualTo(204);
        long dealId = lead.json().path("deal").path("id").asLong();
        await().atMost(Duration.ofSeconds(15)).until(() -> outboxOfDeal(dealId).stream().allMatch("done"::equals));
        assertThat(PIPEDRIVE.count("DELETE", "/api/v2/activities/" + secondActivity)).isEqualTo(2);
        assertThat(outboxOfDeal(dealId)).hasSize(5); // deal, two activities, two cancellations
    }

    @Test
    void anAppointmentCancelledBeforeItReachedPipedriveNeverBecomesAnActivity() {
        Account customer = register(uniqueEmail("termin"));
        Api.Response lead = api.post("/api/crm/lead", Map.of("name", "Max Mustermann", "email", customer.email(),
                "deal_title", "Business-Anzug", "deal_value", 1800), customer.accessToken());
        assertThat(lead.status()).isEqualTo(201);
        PIPEDRIVE.setDown(true);
        long id = book(customer, AtelierDays.nextOpenWeekday(), "12:00", "consultation").json().path("id").asLong();
        assertThat(api.delete("/api/appointments/" + id, customer.accessToken()).status()).isEqualTo(204);
        PIPEDRIVE.setDown(false);
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxOfDeal(lead.json().path("deal").path("id").asLong())
                .stream().allMatch("done"::equals));
        assertThat(outboxOfDeal(lead.json().path("deal").path("id").asLong())).hasSize(3); // deal, activity, cancel
        assertThat(PIPEDRIVE.activities()).isEmpty();
        assertThat(PIPEDRIVE.count("POST", "/api/v2/activities")).isZero();
        assertThat(PIPEDRIVE.count("DELETE", "/api/v2/activities")).isZero();
    }

    @Test
    void customersCannotCancelWithinTheNoticePeriodButTheSalesTeamCan() throws Exception {
        // a notice period longer than any test booking is ahead (tests book ever later days, AtelierDays):
        // every customer cancellation comes too late
        try (SecondHub strict = SecondHub.start(Map.of("henk.appointments.cancellation-notice", "3650d"))) {
            Api strictApi = strict.api();
            Account customer = register(uniqueEmail("spaet"));
            LocalDate day = AtelierDays.nextOpenWeekday();
            long first = strictApi.post("/api/appointments", Map.of("date", day.toString(), "time", "10:00",
                    "type", "first-fitting"), customer.accessToken()).json().path("id").asLong();
            long second = strictApi.post("/api/appointments", Map.of("date", day.toString(), "time", "11:00",
                    "type", "first-fitting"), customer.accessToken()).json().path("id").asLong();

            Api.Response refused = strictApi.delete("/api/appointments/" + first, customer.accessToken());
            assertProblem(refused, 409, "too_late_to_cancel");
            assertThat(refused.json().path("detail").asText()).contains("87600 hours");
            assertThat(strictApi.get("/api/appointments", customer.accessToken()).json().path("appointments")
                    .findValuesAsText("status")).containsOnly("booked");

            Account sales = salesPerson();
            assertThat(strictApi.delete("/api/appointments/" + second, sales.accessToken()).status()).isEqualTo(204);
            assertThat(strictApi.get("/api/appointments", customer.accessToken()).json().path("appointments")
                    .findValuesAsText("status")).containsExactlyInAnyOrder("booked", "cancelled");
        }
    }

    private List<String> outboxOfDeal(long dealId) {
        return db.sql("select status from crm_outbox where deal_id = :deal order by id").param("deal", dealId)
                .query(String.class).list();
    }

    private int race(CountDownLatch start, Account who, LocalDate day, String time) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return book(who, day, time, "consultation").status();
    }

    private Api.Response book(Account customer, LocalDate day, String time, String type) {
        return api.post("/api/appointments", Map.of("date", day.toString(), "time", time, "type", type),
                customer.accessToken());
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        if (code != null) {
            assertThat(response.json().path("code").asText()).isEqualTo(code);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    /** The .ics attachment, wherever camel-mail put it in the MIME tree. */
    static String calendarPart(MimeMessage message) throws Exception {
        return calendarPart(message.getContent());
    }

    private static String calendarPart(Object content) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.isMimeType("text/calendar") || String.valueOf(part.getFileName()).endsWith(".ics")) {
                    return new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
                String nested = calendarPart(part.getContent());
                if (!nested.isEmpty()) {
                    return nested;
                }
            }
        }
        return "";
    }
}
