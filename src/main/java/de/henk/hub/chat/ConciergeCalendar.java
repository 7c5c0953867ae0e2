package de.henk.hub.chat;

import de.henk.hub.appointments.AppointmentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The offline concierge's sentences about the atelier calendar: the free times on offer, a booking, a time just
 * taken, or the way to book without an account — and whether those times are the one question of the turn.
 */
final class ConciergeCalendar {

    private ConciergeCalendar() {
    }

    /**
     * Times on offer are the one question of this turn. A time chosen — booked, or held until the customer signs in —
     * is no question: the conversation goes on with what is still open.
     */
    static boolean asksAboutTheCalendar(ChatAppointment calendar) {
        return calendar != null && (ChatAppointment.OFFERED.equals(calendar.status())
                || ChatAppointment.TAKEN.equals(calendar.status()));
    }

    /**
     * What the calendar has to say this turn: nothing (null) when it only shows the time still held from before —
     * the customer was told when they picked it.
     */
    static ChatAppointment news(ChatAppointment calendar, Turn turn) {
        boolean stillHeld = calendar != null && ChatAppointment.SIGN_IN_REQUIRED.equals(calendar.status())
                && calendar.chosen() != null && calendar.chosen().equals(turn.state().heldSlot());
        return stillHeld ? null : calendar;
    }

    /** Free times, a booking, a time just taken, or the way to book without an account. */
    static String calendar(ChatAppointment calendar, Turn turn, boolean de) {
        String label = AppointmentType.of(calendar.type()).label(de ? "de" : "en");
        boolean reachable = turn.profile().email() != null || turn.profile().phone() != null;
        String withoutAccount = turn.signedIn() ? "" : reachable
                ? (de ? " Wenn Sie sich anmelden, buche ich ihn sofort verbindlich – sonst bestätigt Ihnen unser Team"
                + " den Termin, wenn es sich bei Ihnen meldet."
                : " If you sign in, I book it for you right away – otherwise our team confirms it when they get in touch.")
                : (de ? " Zum verbindlichen Buchen melden Sie sich bitte an oder registrieren Sie sich kurz – oder"
                + " hinterlassen Sie mir Ihre E-Mail-Adresse oder Telefonnummer, dann trägt unser Team Sie ein."
                : " To book it for you, please sign in or register quickly – or leave me your email address or phone"
                + " number and our team will put you down.");
        return outsideHours(calendar.outsideHours(), de) + switch (calendar.status()) {
            case ChatAppointment.BOOKED -> de
                    ? "Ihr Termin steht: " + label + " am " + ChatAppointments.describe(calendar.chosen(), true)
                    + " in unserem Atelier. Die Bestätigung mit Kalendereintrag kommt per E-Mail; absagen können Sie"
                    + " online unter „Meine Termine“."
                    : "You are booked: " + label.toLowerCase(Locale.ROOT) + " on "
                    + ChatAppointments.describe(calendar.chosen(), false) + " at our atelier. The confirmation with a"
                    + " calendar invitation is on its way by email; you can cancel online under \"My appointments\".";
            case ChatAppointment.OFFERED -> (calendar.outsideHours() != null
                    ? (de ? "Die nächsten freien Termine für „" + label + "“: "
                    : "The nearest free times for " + label.toLowerCase(Locale.ROOT) + ": ")
                    : de ? "Gern! Freie Termine für „" + label + "“: "
                    : "With pleasure! Free times for " + label.toLowerCase(Locale.ROOT) + ": ")
                    + numbered(calendar.slots(), de) + (de ? ". Welcher passt Ihnen?" : ". Which one suits you?")
                    + withoutAccount;
            case ChatAppointment.TAKEN -> (de ? ChatAppointments.describe(calendar.chosen(), true)
                    + " ist leider gerade nicht mehr frei. Frei wären noch: "
                    : ChatAppointments.describe(calendar.chosen(), false)
                    + " is unfortunately no longer available. Still free: ")
                    + numbered(calendar.slots(), de) + (de ? ". Passt Ihnen einer davon?" : ". Would one of these suit you?");
            case ChatAppointment.SIGN_IN_REQUIRED -> de
                    ? ChatAppointments.describe(calendar.chosen(), true) + " – sehr gern, den halte ich für Sie fest."
                    + " Damit ich ihn verbindlich buchen kann, melden Sie sich bitte an oder registrieren Sie sich kurz;"
                    + " danach genügt hier ein „Ja“." + (reachable ? " Sonst bestätigt Ihnen unser Team den Termin."
                    : " Oder hinterlassen Sie mir Ihre E-Mail-Adresse oder Telefonnummer, dann trägt unser Team Sie ein.")
                    : ChatAppointments.describe(calendar.chosen(), false) + " – gladly, I will keep it for you. To book"
                    + " it, please sign in or register quickly; then a \"yes\" here is enough." + (reachable
                    ? " Otherwise our team will confirm it with you."
                    : " Or leave me your email address or phone number and our team will put you down.");
            default -> de
                    ? "In den nächsten Wochen finde ich dafür leider keinen freien Termin – nennen Sie mir gern einen"
                    + " anderen Tag, oder unser Team meldet sich mit weiteren Möglichkeiten."
                    : "I cannot find a free time for this in the coming weeks – tell me another day, or our team"
                    + " will get back to you with more options.";
        };
    }

    /**
     * "Sonntags ist unser Atelier geschlossen." / "Am Montag, 14. Dezember haben wir von 10:00 bis 19:00 Uhr geöffnet."
     * — said before the nearest open times, when the wished day or time lies outside the opening hours.
     */
    static String outsideHours(ChatAppointment.OutsideHours outside, boolean de) {
        if (outside == null) {
            return "";
        }
        java.time.LocalDate day = java.time.LocalDate.parse(outside.date());
        String named = day.format(java.time.format.DateTimeFormatter.ofPattern(de ? "EEEE, d. MMMM" : "EEEE d MMMM",
                de ? Locale.GERMAN : Locale.ENGLISH));
        if (outside.closedAllDay()) {
            return de ? "Am " + named + " ist unser Atelier leider geschlossen. "
                    : "Our atelier is closed on " + named + ", I am afraid. ";
        }
        return de ? "Am " + named + " haben wir von " + outside.opens() + " bis " + outside.closes()
                + " Uhr geöffnet – zu Ihrer Wunschzeit passt es leider nicht. "
                : "On " + named + " we are open from " + outside.opens() + " to " + outside.closes()
                + ", so your preferred time does not fit, I am afraid. ";
    }

    private static String numbered(List<OfferedSlot> slots, boolean de) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            items.add((i + 1) + ") " + ChatAppointments.describe(slots.get(i), de));
        }
        return String.join("; ", items);
    }
}
