package de.henk.hub.chat;

import de.henk.hub.appointments.AppointmentBook;
import de.henk.hub.appointments.AppointmentRequest;
import de.henk.hub.appointments.AppointmentType;
import de.henk.hub.appointments.AppointmentView;
import de.henk.hub.appointments.AtelierCalendar;
import de.henk.hub.auth.Caller;
import de.henk.hub.web.ApiException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * HENK and the atelier's calendar: proposes free times when a customer wants to come in, understands which one
 * they chose ("der zweite", "Dienstag um 10 passt", "ja" to a single offer) and books it for a signed-in customer
 * through the same {@link AppointmentBook} as {@code POST /api/appointments} — opening hours, slot grid and the
 * database's no-double-booking rule included. A time taken in the meantime brings fresh alternatives. Anonymous
 * customers get the offer too; the time they choose is kept and booked once they sign in and say yes.
 */
@Component
public class ChatAppointments {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern FABRIC_WORDS = Pattern.compile("(?<!\\p{L})(stoff\\p{L}*|fabric\\p{L}*|cloth)(?!\\p{L})",
            FLAGS);
    private static final Pattern YES = Pattern.compile(
            "^\\W*(ja|jawohl|gern|gerne|sehr gern|klar|okay|ok|yes|yeah|yep|sure|perfekt|perfect|passt|buchen sie|"
                    + "bitte buchen|book it|please book)(?!\\p{L})", FLAGS);
    private static final Pattern NO = Pattern.compile(
            "^\\W*(nein|nö|no|nope|lieber nicht|eher nicht|not now|jetzt nicht)(?!\\p{L})", FLAGS);
    /** Refusals that also end the search for a time: "nein", "lieber nicht", "keiner davon". */
    private static final Pattern NONE_OF_THEM = Pattern.compile(
            "(?<!\\p{L})(keine[rn]? (davon|passt)|passt (mir )?(alles |leider )?nicht|none of (them|these)|"
                    + "doesn'?t work|do not work|don'?t work)(?!\\p{L})", FLAGS);
    private static final Set<String> NOT_BOOKABLE = Set.of("slot_taken", "date_in_past", "atelier_closed",
            "outside_business_hours", "not_on_slot_grid", "no_free_slot");

    private final AppointmentBook book;
    private final AtelierCalendar calendar;
    private final FreeTimes free;

    public ChatAppointments(AppointmentBook book, AtelierCalendar calendar, ChatSettings settings) {
        this.book = book;
        this.calendar = calendar;
        this.free = new FreeTimes(book, calendar, Math.max(1, settings.slots().searchDays()),
                Math.max(1, settings.slots().offered()));
    }

    /** The calendar's part of a turn, and the conversation state after it. */
    public record Settled(ChatAppointment appointment, ConversationState state) {
        static Settled nothing(ConversationState state) {
            return new Settled(null, state);
        }
    }

    /**
     * The calendar step of a turn: a choice among the times offered is booked (signed in) or kept (anonymous); a
     * wish to come in gets free times. {@code learned} is what this message added to the profile; its event day
     * is not mistaken for the appointment's day.
     */
    public Settled settle(String message, ConversationProfile learned, ConversationState state, Caller caller) {
        boolean offeredBefore = !state.offeredSlots().isEmpty();
        if (learned.declined() || (offeredBefore || state.heldSlot() != null) && NO.matcher(message).find()) {
            return Settled.nothing(state.withSlots(List.of(), null));
        }
        boolean wantsToComeIn = Boolean.TRUE.equals(learned.wantsAppointment());
        if (!offeredBefore && state.heldSlot() == null && !wantsToComeIn) {
            return Settled.nothing(state.withSlots(List.of(), null)); // most turns: nothing to offer, choose or book
        }
        LocalDate today = calendar.today();
        SlotWish wish = SlotWish.read(message, today);
        if (wish.date() != null && wish.date().toString().equals(learned.eventDate())) {
            wish = wish.withoutDate(); // "Hochzeit am 12. Juni": the wedding's day, not the fitting's
        }
        AppointmentType type = type(wish, state);
        OfferedSlot chosen = offeredBefore ? choice(message, wish, state.offeredSlots()) : null;
        if (chosen == null && state.heldSlot() != null && caller.authenticated()
                && (YES.matcher(message).find() || Boolean.TRUE.equals(learned.wantsAppointment()))) {
            chosen = state.heldSlot();
        }
        if (chosen == null && wantsToComeIn && wish.namesOneSlot()
                && free.withinHours(wish.date(), wish.time(), type)) {
            chosen = OfferedSlot.of(type.id(), wish.date(), wish.time()); // "Termin am Dienstag um 10, bitte"
        }
        if (chosen != null) {
            return caller.authenticated() ? bookFor(chosen, caller, state)
                    : new Settled(new ChatAppointment(ChatAppointment.SIGN_IN_REQUIRED, chosen.type(),
                    state.offeredSlots(), chosen, null), state.withSlots(state.offeredSlots(), chosen));
        }
        boolean anotherTime = offeredBefore && (wish.saysWhen() || NONE_OF_THEM.matcher(message).find());
        if (!wantsToComeIn && !anotherTime && offeredBefore && state.heldSlot() == null && leavesContact(learned)) {
            // "petra@example.com" answering the times: a way to reach the customer, no answer to the offer yet
            return new Settled(new ChatAppointment(ChatAppointment.OFFERED, type.id(), state.offeredSlots(), null, null),
                    state);
        }
        if (!wantsToComeIn && !anotherTime) {
            // times are on offer for the one answer right after: later, "der erste" no longer means one of them; a
            // time held stays the customer's (and in the response) until they sign in, say no or it is booked
            OfferedSlot held = state.heldSlot();
            return held == null ? Settled.nothing(state.withSlots(List.of(), null))
                    : new Settled(new ChatAppointment(ChatAppointment.SIGN_IN_REQUIRED, held.type(), List.of(), held,
                    null), state.withSlots(List.of(), held));
        }
        List<OfferedSlot> slots = free.propose(wish, type, offeredBefore && !wish.saysWhen() ? state.offeredSlots()
                : List.of());
        // "Sonntag?", "Montag um 20 Uhr": said to be outside the opening hours, with the nearest open times
        ChatAppointment offer = new ChatAppointment(slots.isEmpty() ? ChatAppointment.NONE_FREE : ChatAppointment.OFFERED,
                type.id(), slots, null, null, free.outsideHours(wish, type));
        return new Settled(offer, state.withSlots(slots, state.heldSlot()));
    }

    /** The message leaves an email address or a phone number (and perhaps a name), nothing about the times. */
    private static boolean leavesContact(ConversationProfile learned) {
        return learned.email() != null || learned.phone() != null;
    }

    /**
     * Whether {@link #settle} may book a time for this message, whatever it is read to mean: a signed-in customer
     * with times on offer or one held, or naming a day and a time. A turn that may book waits for the model's
     * reading of the message (model-first): a booking is not undone.
     */
    public boolean mayBook(String message, ConversationState state, Caller caller) {
        if (!caller.authenticated()) {
            return false;
        }
        SlotWish wish = SlotWish.read(message, calendar.today());
        return !state.offeredSlots().isEmpty() || state.heldSlot() != null || wish.date() != null && wish.time() != null;
    }

    private Settled bookFor(OfferedSlot chosen, Caller caller, ConversationState state) {
        try {
            AppointmentView booked = book.book(new AppointmentRequest(null, chosen.date(), chosen.time(), chosen.type(),
                    "Im Chat mit HENK gebucht"), caller);
            return new Settled(new ChatAppointment(ChatAppointment.BOOKED, booked.type(), List.of(),
                    OfferedSlot.of(booked.type(), booked.date(), booked.time()), booked.id()),
                    state.withSlots(List.of(), null));
        } catch (ApiException e) {
            if (!NOT_BOOKABLE.contains(e.code())) {
                throw e;
            }
            // taken a moment ago, or no longer bookable: the nearest free times instead
            List<OfferedSlot> alternatives = free.propose(new SlotWish(chosen.day(), chosen.start(), null, null),
                    AppointmentType.of(chosen.type()), List.of(chosen));
            return new Settled(new ChatAppointment(alternatives.isEmpty() ? ChatAppointment.NONE_FREE
                    : ChatAppointment.TAKEN, chosen.type(), alternatives, chosen, null),
                    state.withSlots(alternatives, null));
        }
    }

    /** The type asked for this turn, else the one offered before, else measuring — how every suit starts. */
    private static AppointmentType type(SlotWish wish, ConversationState state) {
        if (wish.type() != null) {
            return wish.type();
        }
        if (!state.offeredSlots().isEmpty()) {
            return AppointmentType.of(state.offeredSlots().get(0).type());
        }
        return state.heldSlot() != null ? AppointmentType.of(state.heldSlot().type()) : AppointmentType.MEASUREMENT;
    }

    /** Which of the offered times the customer took: by position, by day and/or time, or "ja" to a single one. */
    static OfferedSlot choice(String message, SlotWish wish, List<OfferedSlot> offered) {
        if (!FABRIC_WORDS.matcher(message).find()) {
            int place = OfferPositions.picked(Umlauts.restore(message.toLowerCase(Locale.GERMAN)), offered.size(), true);
            if (place >= 0) {
                return offered.get(place);
            }
        }
        if (wish.date() != null || wish.time() != null) {
            List<OfferedSlot> fitting = offered.stream().filter(s -> wish.fits(s.day(), s.start())).toList();
            if (fitting.size() == 1) {
                return fitting.get(0);
            }
        }
        return offered.size() == 1 && YES.matcher(message).find() ? offered.get(0) : null;
    }

    /** "Dienstag, 1. Dezember um 10:00 Uhr" / "Tuesday 1 December at 10:00". */
    public static String describe(OfferedSlot slot, boolean german) {
        LocalDate day = slot.day();
        return german
                ? day.format(java.time.format.DateTimeFormatter.ofPattern("EEEE, d. MMMM", Locale.GERMAN)) + " um "
                        + slot.time() + " Uhr"
                : day.format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH)) + " at "
                        + slot.time();
    }
}
