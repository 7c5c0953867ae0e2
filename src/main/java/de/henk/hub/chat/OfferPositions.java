package de.henk.hub.chat;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which of the things HENK offered (cloths, free times) a message picks by its place: "der zweite", "the 2nd",
 * "2nd one", "Nr. 2", "#2", "den 2ten", "the last one", "ersteres", "the middle one" — and, among times, which are
 * shown earliest first, "lieber den späteren", "the earlier one". The text is lower case, umlauts restored
 * ({@link Umlauts}). The same words pick a cloth ({@link ChatUnderstanding#chosenFabric}) and a time
 * ({@link ChatAppointments#choice}).
 */
final class OfferPositions {

    private static final int FLAGS = Pattern.UNICODE_CASE;
    private static final List<Pattern> ORDINALS = List.of(
            place("erste[nmrs]?", "erstere[nmrs]?", "first", "1st", "1ste[nmrs]?", "former"),
            place("zweite[nmrs]?", "second", "2nd", "2te[nmrs]?"),
            place("dritte[nmrs]?", "third", "3rd", "3te[nmrs]?"),
            place("vierte[nmrs]?", "fourth", "4th", "4te[nmrs]?"),
            place("fünfte[nmrs]?", "fifth", "5th", "5te[nmrs]?"));
    /** "Nr. 2", "nummer 2", "number 2", "no. 2", "option 2", "#2", "2)", "die 2": the number is the place. */
    private static final Pattern NUMBERED = Pattern.compile("(?<![\\p{L}\\d])(?:nummer|nr\\.?|number|no\\.|option|variante|#)"
            + " ?([1-5])(?![\\d.:,]\\d|[\\p{L}\\d]| ?uhr| ?h(?!\\p{L})| ?[ap]m(?!\\p{L}))"
            + "|(?<![\\p{L}\\d])(?:die|den|der|the|termin|time|slot) ([1-5])(?=[!?,]|\\.(?!\\d)|$| (?:one|bitte|please"
            + "|passt|gerne|nehme|ist|is|works|klingt|sounds))"
            + "|(?<![\\p{L}\\d.])([1-5])\\)", FLAGS);
    /** "Nummer zwei", "number two", "option three". */
    private static final Pattern NUMBERED_WORD = Pattern.compile("(?<![\\p{L}\\d])(?:nummer|nr\\.?|number|no\\.|option|variante)"
            + " (eins|one|zwei|two|drei|three|vier|four|fünf|five)(?![\\p{L}\\d])", FLAGS);
    private static final List<String> NUMBER_WORDS = List.of("eins one", "zwei two", "drei three", "vier four",
            "fünf five");
    /** An ordinal in front of an appointment's kind ("erste Anprobe") names that kind, not a place. */
    private static final Pattern KIND_AFTER = Pattern.compile("\\G\\s+(?:anprobe\\p{L}*|fitting)", FLAGS);
    private static final Pattern LAST = place("letzte[nmrs]?", "letztere[nmrs]?", "last", "latter", "final one");
    private static final Pattern MIDDLE = place("mittlere[nmrs]?", "middle", "mittleren");
    private static final Pattern EARLIER = place("frühere[nmrs]?", "früheste[nmrs]?", "the earlier", "earlier one",
            "earliest");
    private static final Pattern LATER = place("spätere[nmrs]?", "späteste[nmrs]?", "the later", "later one", "latest");

    private OfferPositions() {
    }

    private static Pattern place(String... words) {
        return Pattern.compile("(?<![\\p{L}\\d])(?:" + String.join("|", words) + ")(?![\\p{L}\\d])", FLAGS);
    }

    /**
     * The index of the offered thing the text picks by place among {@code offered} ones, or -1; {@code times}: they
     * are times in the order of the day, so "the later one" is the last.
     */
    static int picked(String text, int offered, boolean times) {
        if (offered <= 0) {
            return -1;
        }
        for (int i = 0; i < Math.min(ORDINALS.size(), offered); i++) {
            var m = ORDINALS.get(i).matcher(text);
            while (m.find()) {
                if (!times || !KIND_AFTER.matcher(text).region(m.end(), text.length()).lookingAt()) {
                    return i;
                }
            }
        }
        var numbered = NUMBERED.matcher(text);
        while (numbered.find()) {
            String digit = numbered.group(1) != null ? numbered.group(1)
                    : numbered.group(2) != null ? numbered.group(2) : numbered.group(3);
            int i = digit.charAt(0) - '1';
            if (i < offered) {
                return i;
            }
        }
        var word = NUMBERED_WORD.matcher(text);
        while (word.find()) {
            for (int i = 0; i < Math.min(NUMBER_WORDS.size(), offered); i++) {
                if ((" " + NUMBER_WORDS.get(i) + " ").contains(" " + word.group(1) + " ")) {
                    return i;
                }
            }
        }
        if (LAST.matcher(text).find() || times && LATER.matcher(text).find()) {
            return offered - 1;
        }
        if (times && EARLIER.matcher(text).find()) {
            return 0;
        }
        if (offered == 3 && MIDDLE.matcher(text).find()) {
            return 1;
        }
        return -1;
    }
}
