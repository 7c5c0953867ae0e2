package de.henk.hub.chat;

import java.util.regex.Pattern;

import static de.henk.hub.chat.WordPatterns.words;

/**
 * Whether a message is German or English: which of the two languages' common words it has more of, German letters
 * (ä, ö, ü, ß) counting for German; neither, when it has none.
 */
final class LanguageRules {

    private static final Pattern GERMAN_LETTER_LINE = Pattern.compile(".*[äöüß].*");
    private static final Pattern GERMAN = words("ich", "und", "für", "eine?", "einen", "der", "die", "das", "ist",
            "im", "mit", "suche", "möchte", "anzug", "hochzeit", "bitte", "danke", "wir", "nicht", "hallo", "gerne",
            "ja", "nein", "kein\\p{L}*", "wie", "was", "wann", "mein\\p{L}*", "sie", "es", "zu", "bis", "auf", "guten",
            "oder", "aber", "auch", "noch", "doch", "gern", "lieber", "eher", "beide", "dann", "vielleicht", "wäre",
            "habe?", "brauche", "monaten?", "wochen?", "nächste[nmrs]?", "jahr");
    // "in" is both languages' word: "in 2 monaten", "beide in dunkelblau" are German; "hi" and "hey" too ("Hi, ich
    // suche …"): a greeting alone is no English
    private static final Pattern ENGLISH = words("i", "and", "for", "a", "the", "is", "with", "looking", "suit",
            "wedding", "please", "thanks", "we", "not", "hello", "my", "need", "yes", "no", "how", "what", "when",
            "you", "it", "to", "of", "do", "just", "thank", "can", "would", "like", "or", "but", "also", "maybe",
            "months?", "weeks?", "next", "then", "have", "some", "something", "year");

    /** Asked outright: "auf Deutsch bitte", "können wir Deutsch sprechen", "in English please", "do you speak English". */
    private static final Pattern ASKS_GERMAN = words("auf deutsch", "deutsch (bitte|sprechen|reden|weiter\\p{L}*)",
            "in german", "german please", "speak german");
    private static final Pattern ASKS_ENGLISH = words("in english", "english please", "speak english",
            "auf englisch", "englisch (bitte|sprechen|reden|weiter\\p{L}*)");

    private LanguageRules() {
    }

    /**
     * A later message's language: only one that clearly is the other language switches the conversation — two of
     * its common words more than of the other's, or asked outright ("auf Deutsch bitte"). A "danke" in an English
     * conversation, a "cool, thanks!" in a German one or a name with umlauts ("I'm Jürgen Böhm") is no switch;
     * {@code null} then, and the conversation keeps its language.
     */
    static String switchedTo(String text) {
        if (ASKS_ENGLISH.matcher(text).find()) {
            return "en";
        }
        if (ASKS_GERMAN.matcher(text).find()) {
            return "de";
        }
        long german = GERMAN.matcher(text).results().count();
        long english = ENGLISH.matcher(text).results().count();
        if (german >= english + 2) {
            return "de";
        }
        return english >= german + 2 ? "en" : null;
    }

    static String language(String text) {
        long german = GERMAN.matcher(text).results().count();
        long english = ENGLISH.matcher(text).results().count();
        if (GERMAN_LETTER_LINE.matcher(text).matches()) {
            german += 2;
        }
        if (german == 0 && english == 0) {
            return null;
        }
        return english > german ? "en" : "de";
    }
}
