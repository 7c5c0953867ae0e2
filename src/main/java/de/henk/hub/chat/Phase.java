package de.henk.hub.chat;

/**
 * Where a conversation stands: the next thing HENK needs to learn. One explicit state instead of a bag of
 * booleans; {@link #next(ConversationProfile)} derives it from what is known, so nothing is asked twice.
 */
public enum Phase {
    NEEDS, TIMING, BUDGET, STYLE, CONTACT;

    public static Phase next(ConversationProfile profile) {
        if (profile.occasion() == null) {
            return NEEDS;
        }
        if (!profile.knowsTiming()) {
            return TIMING;
        }
        if (profile.budgetEur() == null) {
            return BUDGET;
        }
        if (profile.style() == null) {
            return STYLE;
        }
        return CONTACT;
    }
}
