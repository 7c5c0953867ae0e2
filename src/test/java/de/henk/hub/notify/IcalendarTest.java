package de.henk.hub.notify;

import biweekly.Biweekly;
import biweekly.ICalendar;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Content lines are folded at 75 octets — umlauts and emoji count with their UTF-8 size — and unfold to the text. */
class IcalendarTest {

    @Test
    void longTextWithUmlautsAndEmojiIsFoldedByOctetsAndReadsBackUnchanged() {
        String summary = "Anprobe für Jörg Weiß – Maßanzug aus Flanell, Größe 52, Knöpfe aus Horn 🧵 ".repeat(4).strip();
        String location = "Maximilianstraße 12, 80539 München; Eingang über den Hof, zweiter Stock, Klingel „Atelier“";
        String ics = Icalendar.event(new Icalendar.Invitation("appointment-1@henk-hub", false,
                OffsetDateTime.parse("2027-03-01T10:00:00+01:00"), OffsetDateTime.parse("2027-03-01T10:45:00+01:00"),
                summary, location, "HENK Maßschneiderei", "atelier@henk.example", "Jörg Weiß", "joerg@example.com",
                OffsetDateTime.parse("2027-02-01T08:00:00Z")));

        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
            assertThat(line).doesNotContain("\uFFFD");
        }
        assertThat(ics).contains("\r\n ").contains("METHOD:REQUEST").contains("DTSTART:20270301T090000Z");
        ICalendar read = Biweekly.parse(ics).first();
        assertThat(read.getEvents().get(0).getSummary().getValue()).isEqualTo(summary);
        assertThat(read.getEvents().get(0).getLocation().getValue()).isEqualTo(location);
        assertThat(read.getEvents().get(0).getAttendees().get(0).getCommonName()).isEqualTo("Jörg Weiß");
    }

    /**
     * A customer may call themselves 'Max "Mäxchen" Muster': a double quote may not stand in a parameter value
     * (RFC 5545 3.1), so the attendee's CN carries it caret-encoded (RFC 6868, ^') and reads back as written.
     */
    @Test
    void aNameWithDoubleQuotesStillMakesAnInvitation() {
        String name = "Max \"Mäxchen\" Muster; Jr., ^Sen";
        String ics = Icalendar.event(new Icalendar.Invitation("appointment-2@henk-hub", false,
                OffsetDateTime.parse("2027-03-01T10:00:00+01:00"), OffsetDateTime.parse("2027-03-01T10:45:00+01:00"),
                "Maßnehmen – HENK", "Maximilianstraße 12", "HENK \"Atelier\"", "atelier@henk.example", name,
                "max@example.com", OffsetDateTime.parse("2027-02-01T08:00:00Z")));

        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("CN=\"Max ^'Mäxchen^' Muster; Jr., ^^Sen\"");
        ICalendar read = Biweekly.parse(ics).first();
        assertThat(read.getEvents().get(0).getAttendees().get(0).getCommonName()).isEqualTo(name);
        assertThat(read.getEvents().get(0).getOrganizer().getCommonName()).isEqualTo("HENK \"Atelier\"");
    }

    @Test
    void aShortLineIsLeftAlone() {
        assertThat(Icalendar.foldToOctets("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"))
                .isEqualTo("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    }
}
