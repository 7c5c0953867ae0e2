package de.henk.hub.chat;

import java.util.List;

/**
 * What happened with the atelier's calendar in a chat turn, in the chat response as {@code appointment}:
 * <ul>
 *   <li>{@code offered} — free times HENK proposes ({@code slots}, in the order shown: "der zweite" picks slots[1]);</li>
 *   <li>{@code booked} — the chosen time is booked for the signed-in customer ({@code appointment_id});</li>
 *   <li>{@code taken} — the chosen time was no longer free; {@code slots} are the alternatives;</li>
 *   <li>{@code sign_in_required} — an anonymous customer chose a time; HENK keeps it and books after sign-in;</li>
 *   <li>{@code none_free} — nothing free in the days searched.</li>
 * </ul>
 * {@code outside_hours}: the day or time the customer wished lies outside the opening hours — {@code date}, and the
 * hours that day ({@code opens}, {@code closes}; both null: closed all day); the slots are the nearest open times.
 * Absent (null) when the calendar was not part of the turn.
 */
public record ChatAppointment(String status, String type, List<OfferedSlot> slots, OfferedSlot chosen,
                              Long appointmentId, OutsideHours outsideHours) {

    public ChatAppointment {
        slots = slots == null ? List.of() : List.copyOf(slots);
    }

    public ChatAppointment(String status, String type, List<OfferedSlot> slots, OfferedSlot chosen, Long appointmentId) {
        this(status, type, slots, chosen, appointmentId, null);
    }

    /** A wished day the atelier is closed ({@code opens}, {@code closes} null), or a time outside that day's hours. */
    public record OutsideHours(String date, String opens, String closes) {

        public boolean closedAllDay() {
            return opens == null;
        }
    }

    public static final String OFFERED = "offered";
    public static final String BOOKED = "booked";
    public static final String TAKEN = "taken";
    public static final String SIGN_IN_REQUIRED = "sign_in_required";
    public static final String NONE_FREE = "none_free";
}
