package de.henk.hub.notify;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A minimal RFC 5545 invitation (or its cancellation) that calendar apps import from a mail attachment. */
final class Icalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private Icalendar() { }

    static String event(long appointmentId, boolean cancelled, OffsetDateTime start, OffsetDateTime end,
                        String summary, String location, String organizer) {
        String mail = organizer.contains("<") ? organizer.substring(organizer.indexOf('<') + 1, organizer.indexOf('>'))
                : organizer;
        return String.join("\r\n",
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//HENK hub//Appointments//DE",
                "METHOD:" + (cancelled ? "CANCEL" : "REQUEST"),
                "BEGIN:VEVENT",
                "UID:appointment-" + appointmentId + "@henk-hub",
                "SEQUENCE:" + (cancelled ? 1 : 0),
                "DTSTAMP:" + UTC.format(OffsetDateTime.now(ZoneOffset.UTC)),
                "DTSTART:" + UTC.format(start.withOffsetSameInstant(ZoneOffset.UTC)),
                "DTEND:" + UTC.format(end.withOffsetSameInstant(ZoneOffset.UTC)),
                "SUMMARY:" + escape(summary),
                "LOCATION:" + escape(location),
                "ORGANIZER:mailto:" + mail,
                "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"),
                "END:VEVENT",
                "END:VCALENDAR", "");
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }
}
