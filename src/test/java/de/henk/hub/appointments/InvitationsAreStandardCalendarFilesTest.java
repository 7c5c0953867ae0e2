package de.henk.hub.appointments;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import de.henk.hub.support.AtelierDays;
import de.henk.hub.support.HubTest;
import de.henk.hub.support.SharedMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The invitation a customer's calendar app imports: RFC 5545/5546 as a calendar library reads it — the customer
 * as ATTENDEE, the shop as ORGANIZER, a UID no other install or appointment has (the cancellation keeps it), and
 * no content line over 75 octets.
 */
class InvitationsAreStandardCalendarFilesTest extends HubTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void theCustomerIsInvitedWithAUniqueUidThatTheCancellationKeeps() throws Exception {
        Account first = register(uniqueEmail("ics-ä"));
        Account second = register(uniqueEmail("ics-b"));
        LocalDate day = AtelierDays.nextOpenWeekday();
        long booked = book(first, day, "10:00");
        book(second, day, "14:00");

        String firstIcs = AppointmentsTest.calendarPart(mailTo(first.email(), "Ihr Termin"));
        String secondIcs = AppointmentsTest.calendarPart(mailTo(second.email(), "Ihr Termin"));
        VEvent invitation = onlyEvent(firstIcs, "REQUEST");
        VEvent other = onlyEvent(secondIcs, "REQUEST");

        assertThat(invitation.getUid().getValue()).matches("appointment-" + UUID + "@henk-hub");
        assertThat(other.getUid().getValue()).isNotEqualTo(invitation.getUid().getValue());
        assertThat(invitation.getAttendees()).singleElement().satisfies(attendee -> {
            assertThat(attendee.getEmail()).isEqualTo(first.email());
            assertThat(attendee.getRole().getValue()).isEqualTo("ATTENDEE");
        });
        assertThat(invitation.getOrganizer().getEmail()).contains("@");
        assertThat(invitation.getOrganizer().getCommonName()).isNotBlank();
        assertThat(invitation.getSequence().getValue()).isZero();
        assertEveryLineFitsInSeventyFiveOctets(firstIcs);

        assertThat(api.delete("/api/appointments/" + booked, first.accessToken()).status()).isEqualTo(204);
        VEvent cancellation = onlyEvent(AppointmentsTest.calendarPart(mailTo(first.email(), "Abgesagt")), "CANCEL");
        assertThat(cancellation.getUid().getValue()).isEqualTo(invitation.getUid().getValue());
        assertThat(cancellation.getSequence().getValue()).isEqualTo(1);
        assertThat(cancellation.getStatus().getValue()).isEqualTo("CANCELLED");
    }

    private long book(Account customer, LocalDate day, String time) {
        var response = api.post("/api/appointments", Map.of("date", day.toString(), "time", time,
                "type", "consultation"), customer.accessToken());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asLong();
    }

    private static VEvent onlyEvent(String ics, String method) {
        ICalendar calendar = Biweekly.parse(ics).first();
        assertThat(calendar).as(ics).isNotNull();
        assertThat(calendar.getMethod().getValue()).isEqualTo(method);
        assertThat(calendar.getEvents()).hasSize(1);
        return calendar.getEvents().get(0);
    }

    private static MimeMessage mailTo(String email, String subjectStart) {
        await().atMost(Duration.ofSeconds(30)).until(() -> SharedMail.receivedBy(email).stream()
                .anyMatch(m -> subject(m).startsWith(subjectStart)));
        return SharedMail.receivedBy(email).stream().filter(m -> subject(m).startsWith(subjectStart))
                .findFirst().orElseThrow();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }

    static void assertEveryLineFitsInSeventyFiveOctets(String ics) {
        assertThat(ics).endsWith("\r\n");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
    }
}
