package de.henk.hub.chat;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the rules' vocabularies become patterns: whole words or word stems ({@link #words}), each with the plain text
 * any match must contain ({@link RequiredLiterals}), so a pattern scans a message only when it may match
 * ({@link #found}, {@link #mayMatch}). The table of that text is filled as the rules' classes load, which
 * {@link ProfileExtractor} has done before it reads a message; it is only read after that.
 */
final class WordPatterns {

    /** Each vocabulary pattern's required plain text ({@link RequiredLiterals}); filled as the patterns are made. */
    private static final Map<Pattern, RequiredLiterals> REQUIRED = new java.util.IdentityHashMap<>();

    private WordPatterns() {
    }

    /**
     * One of the words, not inside another word. The text it is matched against is lower case already, so a
     * lower-case vocabulary is matched as it is (Unicode case folding at every position made these the costliest
     * part of reading a message); one with a capital letter folds case.
     */
    static Pattern words(String... alternatives) {
        String regex = "(?<![\\p{L}\\d])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\d])";
        String literals = regex.replaceAll("\\\\[pP]\\{\\w+}|\\\\.", "");
        boolean lowerCase = literals.equals(literals.toLowerCase(Locale.GERMAN));
        Pattern pattern = Pattern.compile(regex, lowerCase ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        RequiredLiterals required = lowerCase ? RequiredLiterals.of(alternatives) : null;
        if (required != null) {
            REQUIRED.put(pattern, required);
        }
        return pattern;
    }

    /** Whether the vocabulary pattern occurs in the (lower-case) text; scanned only when it may. */
    static boolean found(Pattern pattern, String text) {
        return mayMatch(pattern, text) && pattern.matcher(text).find();
    }

    /** False when the pattern cannot match the (lower-case) text: none of its required plain text is in it. */
    static boolean mayMatch(Pattern pattern, String text) {
        RequiredLiterals required = REQUIRED.get(pattern);
        return required == null || required.mayMatch(text);
    }
}
