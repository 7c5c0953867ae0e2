package de.henk.hub.chat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.henk.hub.chat.Vocabulary.COLOURS;
import static de.henk.hub.chat.Vocabulary.PATTERNS;

/**
 * Whether a word of the look is ruled out rather than wished: by a negation before it in its clause ("bloß kein
 * Schwarz", "nicht zu modern", "nothing too flashy", "alles außer Blau", "not a fan of checks") or after it
 * ("Schwarz mag ich nicht"). A clause ends at punctuation and at a turn ("kein Hellgrau, sondern Marineblau",
 * "nicht grau, lieber blau"). One reading for colours, patterns, materials, styles and garments.
 */
final class Negation {

    private static final Pattern ALL_BUT_BEFORE = Pattern.compile("(?s).*\\b(anything|everything|all|alles) (but|außer)\\s+$");
    private static final Pattern JOINING_WORD = Pattern.compile(
            "\\b(und|and|oder|or|sondern|statt|instead|aber|but|bloß|just)\\b");
    /**
     * The words that rule out what follows, in both readings: "kein", "nicht", "ohne", "no", "not", "I don't want",
     * "not a fan of", "bitte keine" and their kin.
     */
    private static final String NEGATION_WORDS = "kein|keine|keinen|keinem|keiner|keinesfalls|nicht|nichts|nix|ohne|"
            + "bloß kein\\p{L}*|no|not|nothing|none|without|avoid|never|nie|hasse|hate|dislike|can'?t stand|"
            + "don'?t (?:want|like)|do not (?:want|like)|not a fan of|stay away from|bitte kein\\p{L}*";
    /**
     * The wide form for colours, patterns and materials: a negation word (or "neither", "except", "alles außer", "no
     * more", "steer clear of") with at most two words between it and the word ("bloß kein dunkles Schwarz").
     */
    private static final Pattern NEGATION_BEFORE = Pattern.compile(
            "(?<!\\p{L})(?:" + NEGATION_WORDS + "|neither|nor|no more|steer clear of|außer|except|anything but|"
                    + "alles außer)\\W+(?:\\p{L}+\\W+){0,2}$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * The narrow form for garments and styles: a negation word (or "don't need") right before the word, with at most
     * an article or an intensifier between ("kein Anzug", "nicht zu modern", "I don't want a tuxedo", "nothing too
     * flashy") - so that "keine Ahnung, welcher Anzug", "not sure what suit" or "ich weiß nicht welcher Smoking" still
     * name it.
     */
    private static final Pattern NEGATION_RIGHT_BEFORE = Pattern.compile(
            "(?<!\\p{L})(?:" + NEGATION_WORDS + "|don'?t need|do not need)"
                    + "(?:\\W+(?:zu|so|allzu|besonders|übertrieben|too|overly|very|a|an|the|any|anything|something|"
                    + "etwas|irgendwas|ein|eine|einen|einem|einer|den|die|das|dem))*\\W+$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern CLAUSE_TURN = Pattern.compile(
            "[;!?\\n–—]|\\s(?:aber|but|sondern|stattdessen|instead|lieber|rather|eher|dafür|sonst|otherwise|gern|gerne|"
                    + "bitte|please|prefer|preferably)\\s", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NEGATION_AFTER = Pattern.compile(
            "^[^.,;!?–]{0,30}?\\b(nicht|kein\\p{L}*|not|no way|gar nicht|lieber nicht|geht nicht|is out|are out|"
                    + "bitte nicht|please not|geht gar nicht|mag ich nicht|will ich nicht)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * A refusal right after the word, said of it and nothing else: "auffällig mag ich nicht", "modern muss es nicht
     * sein", "flashy isn't my thing" — but not "ein moderner Schnitt, der nicht zu eng ist".
     */
    private static final Pattern REFUSED_AFTER = Pattern.compile("^\\W{0,3}(?:mag ich nicht|will ich nicht|"
            + "brauche ich nicht|bitte nicht|lieber nicht|eher nicht|geht gar nicht|muss (?:es |das )?nicht sein|"
            + "(?:ist|wäre) (?:nicht (?:so )?mein ding|nichts für mich)|is(?:n'?t| not) (?:really )?(?:my thing|for me)|"
            + "please not|not for me|is out)(?!\\p{L})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Negation() {
    }

    /** Ruled out by a negation before the word, in its clause: "bloß kein Schwarz", "nicht zu modern". */
    static boolean before(String text, int start) {
        if (ALL_BUT_BEFORE.matcher(text.substring(Math.max(0, start - 25), start)).matches()) {
            return true;
        }
        int clause = Math.max(text.lastIndexOf(',', start - 1), text.lastIndexOf('.', start - 1));
        // "kein Hellgrau, sondern Marineblau", "no black but navy", "nicht grau lieber blau": a new clause
        Matcher turn = CLAUSE_TURN.matcher(text.substring(0, start));
        while (turn.find()) {
            clause = Math.max(clause, turn.end() - 1);
        }
        String before = text.substring(Math.max(clause + 1, Math.max(0, start - 40)), start);
        return NEGATION_BEFORE.matcher(before).find();
    }

    /** Ruled out by a negation right before the word (the narrow form, for garments and styles). */
    static boolean rightBefore(String text, int start) {
        return NEGATION_RIGHT_BEFORE.matcher(text.substring(Math.max(0, start - 40), start)).find();
    }

    /** Ruled out by a negation after a colour or pattern in its clause: "Schwarz mag ich nicht", "Streifen nicht". */
    static boolean after(String text, int end) {
        String after = text.substring(end);
        Matcher m = NEGATION_AFTER.matcher(after);
        if (!m.find()) {
            return false;
        }
        // "Schwarz mag ich nicht" — but not "Blau, nicht Schwarz" (the clause ended) or "blau und nicht schwarz"
        String between = after.substring(0, m.start(1));
        return !JOINING_WORD.matcher(between).find() && !names(COLOURS, between) && !names(PATTERNS, between);
    }

    /** Refused right after the word ("auffällig mag ich nicht"): the narrow form for styles. */
    static boolean refusedAfter(String text, int end) {
        return REFUSED_AFTER.matcher(text.substring(end)).find();
    }

    private static boolean names(Map<String, Pattern> vocabulary, String text) {
        return vocabulary.values().stream().anyMatch(p -> p.matcher(text).find());
    }
}
