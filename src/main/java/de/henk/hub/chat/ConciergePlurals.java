package de.henk.hub.chat;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Several garments named as the customer wants them: "drei Maßanzüge", "two tuxedos" — for the greeting of a
 * customer who orders for a wedding party or a team. Counts up to twelve as words, larger ones as digits.
 */
final class ConciergePlurals {

    private static final String[] COUNT_DE = {"", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht",
            "neun", "zehn", "elf", "zwölf"};
    private static final String[] COUNT_EN = {"", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve"};

    private static final Map<String, String[]> PLURALS = Map.of(
            "suit", new String[] {"Maßanzüge", "made-to-measure suits"},
            "three-piece", new String[] {"Dreiteiler", "three-piece suits"},
            "tuxedo", new String[] {"Smokings", "tuxedos"},
            "jacket", new String[] {"Sakkos", "jackets"},
            "trousers", new String[] {"Hosen", "pairs of trousers"},
            "vest", new String[] {"Westen", "waistcoats"},
            "coat", new String[] {"Mäntel", "coats"},
            "shirt", new String[] {"Maßhemden", "made-to-measure shirts"});

    /** How customers name several of each garment; a count said with another garment is not this one's. */
    private static final Map<String, String> NAMED_AS = Map.of(
            "suit", "\\p{L}*anzüge|suits",
            "three-piece", "dreiteiler|three-pieces?",
            "tuxedo", "smokings|tuxedos|tuxes",
            "jacket", "\\p{L}*sakkos|jackets|blazers",
            "trousers", "\\p{L}*hosen|trousers|pants",
            "vest", "westen|waistcoats|vests",
            "coat", "\\p{L}*mäntel|coats",
            "shirt", "\\p{L}*hemden|shirts");
    private static final Map<String, Pattern> NAMED = NAMED_AS.entrySet().stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> words(e.getValue())));
    private static final Pattern ANY_NAMED = words(String.join("|", NAMED_AS.values()));

    private ConciergePlurals() {
    }

    /**
     * "drei Maßanzüge" / "three made-to-measure suits" — when the customer wants {@code count} of the profile's
     * garment and the message does not name several of another one ("ein Anzug und zwei Hemden" greets the suit);
     * null for fewer than two, where the singular is said.
     */
    static String several(Integer count, String garment, String message, boolean de) {
        String kind = garment == null ? "suit" : garment;
        if (count == null || count < 2 || !PLURALS.containsKey(kind)) {
            return null;
        }
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (ANY_NAMED.matcher(text).find() && !NAMED.get(kind).matcher(text).find()) {
            return null;
        }
        String[] names = PLURALS.get(kind);
        String number = count < COUNT_DE.length ? (de ? COUNT_DE : COUNT_EN)[count] : String.valueOf(count);
        return number + " " + names[de ? 0 : 1];
    }

    private static Pattern words(String alternatives) {
        return Pattern.compile("(?<!\\p{L})(?:" + alternatives + ")(?!\\p{L})");
    }
}
