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
            "ja", "nein", "kein\\p{L}*", "wie", "was", "wann", "mein\\p{L}*", "sie", "es", "zu", "bis", "auf", "guten");
    private static final Pattern ENGLISH = words("i", "and", "for", "a", "the", "is", "in", "with", "looking", "suit",
            "wedding", "please", "thanks", "we", "not", "hello", "my", "need", "yes", "no", "how", "what", "when",
            "you", "it", "to", "of", "do", "hi", "thank", "can", "would", "like");

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
