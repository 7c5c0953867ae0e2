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
    // "in" is both languages' word: "in 2 monaten", "beide in dunkelblau" are German
    private static final Pattern ENGLISH = words("i", "and", "for", "a", "the", "is", "with", "looking", "suit",
            "wedding", "please", "thanks", "we", "not", "hello", "my", "need", "yes", "no", "how", "what", "when",
            "you", "it", "to", "of", "do", "hi", "thank", "can", "would", "like", "or", "but", "also", "maybe",
            "months?", "weeks?", "next", "then", "have", "some", "something", "year");

    private LanguageRules() {
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
