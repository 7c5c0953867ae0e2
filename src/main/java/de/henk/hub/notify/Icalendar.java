package de.henk.hub.notify;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.parameter.ParticipationStatus;
import biweekly.parameter.Role;
import biweekly.property.Attendee;
import biweekly.property.Method;
import biweekly.property.Organizer;
import biweekly.property.Status;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;

/**
 * An RFC 5545 invitation (or its cancellation) that calendar apps import from a mail attachment, written by
 * biweekly: METHOD with ORGANIZER and ATTENDEE as RFC 5546 asks, a UID that is unique across installs, and
 * content lines folded at 75 octets (biweekly folds by characters; a line with umlauts is folded again).
 */
final class Icalendar {

    static final int MAX_LINE_OCTETS = 75;

    private Icalendar() { }

    /** What the invitation says; the same UID for booking and cancellation, a higher SEQUENCE for the latter. */
    record Invitation(String uid, boolean cancelled, OffsetDateTime start, OffsetDateTime end, String summary,
                      String location, String organizerName, String organizerEmail, String attendeeName,
                      String attendeeEmail, OffsetDateTime stamp) { }

    static String event(Invitation invitation) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//HENK hub//Appointments//DE");
        calendar.setMethod(invitation.cancelled() ? Method.cancel() : Method.request());
        VEvent event = new VEvent();
        event.setUid(invitation.uid());
        event.setSequence(invitation.cancelled() ? 1 : 0);
        event.setDateTimeStamp(Date.from(invitation.stamp().toInstant()));
        event.setDateStart(Date.from(invitation.start().toInstant()), true);
        event.setDateEnd(Date.from(invitation.end().toInstant()), true);
        event.setSummary(invitation.summary());
        event.setLocation(invitation.location());
        event.setStatus(invitation.cancelled() ? Status.cancelled() : Status.confirmed());
        Organizer organizer = new Organizer(invitation.organizerName(), invitation.organizerEmail());
        event.setOrganizer(organizer);
        if (invitation.attendeeEmail() != null && !invitation.attendeeEmail().isBlank()) {
            Attendee attendee = new Attendee(blankToNull(invitation.attendeeName()), invitation.attendeeEmail());
            attendee.setRole(Role.ATTENDEE);
            attendee.setParticipationStatus(invitation.cancelled() ? ParticipationStatus.DECLINED
                    : ParticipationStatus.ACCEPTED);
            attendee.setRsvp(false);
            event.addAttendee(attendee);
        }
        calendar.addEvent(event);
        // RFC 6868: a double quote or line break in a parameter value (a customer named 'Max "Mäxchen" Muster' as
        // the attendee's CN) is written as ^' or ^n; without it the writer refuses the name and no invitation is sent
        return foldToOctets(Biweekly.write(calendar).caretEncoding(true).go());
    }

    /**
     * Re-folds every content line longer than 75 octets in UTF-8 (RFC 5545 3.1), never inside a character:
     * continuation lines start with one space, which counts towards their 75.
     */
    static String foldToOctets(String ics) {
        String unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
        StringBuilder out = new StringBuilder(unfolded.length() + 64);
        for (String line : unfolded.split("\r\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > MAX_LINE_OCTETS) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
