package de.henk.hub.chat;

import java.util.Locale;
import java.util.regex.Pattern;

import static de.henk.hub.chat.WordPatterns.words;

/**
 * Whose date a message names — the event's, or not: the event date already known is not overwritten by
 * <ul>
 *   <li>the day of a visit: a message that asks for an appointment or says when the customer has time, and names no
 *       occasion ("I'd like an appointment in two weeks", "In zwei Wochen hätte ich Zeit", "Termin zur Anprobe am
 *       3.12.") — that day is the appointment's ({@link SlotWish});</li>
 *   <li>a season said as a look: "leicht und sommerlich", "something summery", "ein Winteranzug" — a style and a
 *       cloth wish; it sets the season only while no date, month or season of the event is known.</li>
 * </ul>
 * Applied to whatever read the message (the rules or a language model).
 */
final class WhoseDate {

    /** A season as a look or a cloth, not as a time: removed, the message should name no season any more. */
    private static final Pattern SEASON_AS_LOOK = words("sommerlich\\p{L}*", "summery", "summer-?like",
            "winterlich\\p{L}*", "wintry", "wintery", "winter-?like", "herbstlich\\p{L}*", "autumnal", "autumn-?like",
            "frühlingshaft\\p{L}*", "frühlingsfrisch\\p{L}*", "spring-?like", "springy",
            "(sommer|winter|herbst|frühlings?|frühjahrs)(anzug|anzüge|stoff|stoffe|sakko|sakkos|qualität|gewicht|ware|look|farben?)\\p{L}*",
            "(summer|winter|autumn|spring)[ -](suits?|fabrics?|cloth|weight|jackets?|look|colou?rs?)");

    private WhoseDate() {
    }

    /** What the message told of the event's timing, given what was known {@code before}. */
    static ConversationProfile eventTiming(String message, ConversationProfile learned, ConversationProfile before) {
        if (!learned.knowsTiming()) {
            return learned;
        }
        if (Boolean.TRUE.equals(learned.wantsAppointment()) && learned.occasion() == null) {
            // "Termin zur Anprobe am 3.12. um 11 Uhr", "appointment in two weeks": the appointment's day
            return withoutTiming(learned);
        }
        boolean seasonOnly = learned.eventDate() == null && learned.eventMonth() == null && learned.season() != null;
        if (seasonOnly && before.dateFrom() != null && onlyALook(message)) {
            return withoutTiming(learned); // "Hochzeit am 19. September", then "leicht und sommerlich"
        }
        return learned;
    }

    private static boolean onlyALook(String message) {
        String text = Umlauts.restore(message.toLowerCase(Locale.GERMAN));
        return WordPatterns.found(SEASON_AS_LOOK, text)
                && !TimingRules.namesSeason(SEASON_AS_LOOK.matcher(text).replaceAll(" "));
    }

    private static ConversationProfile withoutTiming(ConversationProfile learned) {
        return learned.toBuilder().timing(null, null, null, null, null, null).build();
    }
}
