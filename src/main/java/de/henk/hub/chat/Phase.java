package de.henk.hub.chat;

import java.util.Locale;
import java.util.Set;

/**
 * Where a conversation stands — one explicit state instead of a bag of booleans. The order is a tailor's:
 * what is needed, for which occasion, by when, for how much, in which look, which cloth, then an appointment and
 * a way to reach the customer, and finally the hand-over to the sales team. {@link #next} derives the state from
 * what is known, so nothing is ever asked twice; a question the customer passed over is not asked again either.
 */
public enum Phase {
    NEEDS, OCCASION, TIMING, BUDGET, STYLE, FABRIC, CONTACT, HANDED_OVER;

    /** The state after a turn: the first step whose facts are still missing and that the customer has not skipped. */
    public static Phase next(ConversationProfile profile, ConversationState state) {
        Set<Phase> skipped = state.skipped();
        if (profile.occasion() == null && !skipped.contains(OCCASION)) {
            boolean wantsSomething = profile.garment() != null || profile.wantsAppointment() != null
                    || "interested".equals(profile.intent()) || "buying".equals(profile.intent());
            return wantsSomething ? OCCASION : NEEDS;
        }
        if (!profile.knowsTiming() && !skipped.contains(TIMING)) {
            return TIMING;
        }
        // "so günstig wie möglich" answers the budget question: the advice starts at the lowest price (PriceLean)
        if (!profile.knowsBudget() && !PriceLean.affordable(profile) && !skipped.contains(BUDGET)) {
            return BUDGET;
        }
        if (!profile.knowsLook() && !skipped.contains(STYLE)) {
            return STYLE;
        }
        if (!state.proposed()) {
            return FABRIC;
        }
        return state.leadDealId() != null ? HANDED_OVER : CONTACT;
    }

    /** For a single profile with no history (tests, the skeleton's callers). */
    public static Phase next(ConversationProfile profile) {
        return next(profile, ConversationState.initial());
    }

    /** The name on the wire: "timing", "handed_over". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Phase of(String stored) {
        return stored == null ? null : valueOf(stored.toUpperCase(Locale.ROOT));
    }
}
