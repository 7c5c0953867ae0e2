package de.henk.hub.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.henk.hub.chat.Vocabulary.COLOURS;
import static de.henk.hub.chat.Vocabulary.MATERIALS;
import static de.henk.hub.chat.Vocabulary.PATTERNS;
import static de.henk.hub.chat.Vocabulary.WISHES;
import static de.henk.hub.chat.WordPatterns.mayMatch;

/**
 * The look the customer wants and the one ruled out: colours, patterns and fabric wishes, each negated or not by the
 * words before or after it ("bloß kein Schwarz", "Streifen mag ich nicht", "keine Wolle").
 */
final class WishRules {

    // The helpers' own patterns, compiled once (String.matches/replaceAll/split compile theirs on every call);
    // the ones tested with find() are those that were ".*x.*" for String.matches
    private static final Pattern BLACK_TIE = Pattern.compile("black[- ]tie");
    /** "light grey", "light colours": a light colour, not a light cloth. */
    private static final Pattern LIGHT_COLOUR = Pattern.compile(
            "light[- ](grey|gray|blue|colou?r\\p{L}*|tones?|shades?)|light in colou?r");
    private static final Pattern ALL_BUT_BEFORE = Pattern.compile("(?s).*\\b(anything|everything|all|alles) (but|außer)\\s+$");
    private static final Pattern JOINING_WORD = Pattern.compile(
            "\\b(und|and|oder|or|sondern|statt|instead|aber|but|bloß|just)\\b");
    private static final Pattern NEGATION_BEFORE = Pattern.compile(
            "(?<!\\p{L})(?:kein|keine|keinen|keinem|keiner|keinesfalls|nicht|nichts|nix|ohne|bloß kein\\p{L}*|no|not|nothing|"
                    + "none|neither|nor|without|avoid|never|nie|hasse|hate|dislike|can'?t stand|don'?t (?:want|like)|"
                    + "do not (?:want|like)|not a fan of|no more|stay away from|steer clear of|außer|except|"
                    + "anything but|alles außer|bitte kein\\p{L}*)\\W+(?:\\p{L}+\\W+){0,2}$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern CLAUSE_TURN = Pattern.compile(
            "[;!?\\n–—]|\\s(?:aber|but|sondern|stattdessen|instead|lieber|rather|eher|dafür|sonst|otherwise|gern|gerne|"
                    + "bitte|please|prefer|preferably)\\s", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NEGATION_AFTER = Pattern.compile(
            "^[^.,;!?–]{0,30}?\\b(nicht|kein\\p{L}*|not|no way|gar nicht|lieber nicht|geht nicht|is out|are out|"
                    + "bitte nicht|please not|geht gar nicht|mag ich nicht|will ich nicht)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private WishRules() {
    }

    /** The colours, patterns and fabrics the customer wants and those ruled out. */
    static void read(String text, ConversationProfile.Builder profile) {
        // "black tie" is a dress code, not a colour wish
        List<String>[] colours = wishes(COLOURS, BLACK_TIE.matcher(text).replaceAll("__ tie"));
        profile.colours(colours[0], colours[1]);
        List<String>[] patterns = wishes(PATTERNS, text);
        profile.patterns(patterns[0], patterns[1]);
        List<String> fabric = new ArrayList<>();
        String wishText = LIGHT_COLOUR.matcher(text).replaceAll("_");
        for (var wish : WISHES.entrySet()) {
            if (!mayMatch(wish.getValue(), wishText)) {
                continue;
            }
            Matcher m = wish.getValue().matcher(wishText);
            while (m.find()) {
                if (!negatedBefore(wishText, m.start()) && !negatedAfter(wishText, m.end())) {
                    fabric.add(wish.getKey());
                    break;
                }
            }
        }
        if (fabric.contains("light") && fabric.contains("warm")) {
            fabric.remove("warm");
        }
        profile.fabricWishes(fabric);
        profile.avoidFabrics(avoidedFabrics(wishText));
    }

    /** Colours or patterns the customer wants, and those negated ("bloß kein Schwarz", "Streifen mag ich nicht"). */
    @SuppressWarnings("unchecked")
    private static List<String>[] wishes(Map<String, Pattern> vocabulary, String text) {
        List<String> wanted = new ArrayList<>();
        List<String> avoided = new ArrayList<>();
        List<int[]> taken = new ArrayList<>();
        for (var entry : vocabulary.entrySet()) {
            if (!mayMatch(entry.getValue(), text)) {
                continue;
            }
            Matcher m = entry.getValue().matcher(text);
            while (m.find()) {
                int start = m.start();
                int end = m.end();
                if (taken.stream().anyMatch(span -> start < span[1] && end > span[0])) {
                    continue;
                }
                taken.add(new int[] {start, end});
                boolean negated = negatedBefore(text, start) || negatedAfter(text, end);
                List<String> target = negated ? avoided : wanted;
                if (!target.contains(entry.getKey())) {
                    target.add(entry.getKey());
                }
            }
        }
        wanted.removeAll(avoided);
        return new List[] {wanted, avoided};
    }

    private static boolean negatedBefore(String text, int start) {
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

    private static boolean negatedAfter(String text, int end) {
        String after = text.substring(end);
        Matcher m = NEGATION_AFTER.matcher(after);
        if (!m.find()) {
            return false;
        }
        // "Schwarz mag ich nicht" — but not "Blau, nicht Schwarz" (the clause ended) or "blau und nicht schwarz"
        String between = after.substring(0, m.start(1));
        return !JOINING_WORD.matcher(between).find()
                && !COLOURS.values().stream().anyMatch(p -> p.matcher(between).find())
                && !PATTERNS.values().stream().anyMatch(p -> p.matcher(between).find());
    }

    /** Cloths the customer ruled out: "keine Wolle", "no linen", "bloß kein Kaschmir". */
    private static List<String> avoidedFabrics(String text) {
        List<String> avoided = new ArrayList<>();
        for (var wish : WISHES.entrySet()) {
            if (!MATERIALS.contains(wish.getKey()) || !mayMatch(wish.getValue(), text)) {
                continue;
            }
            Matcher m = wish.getValue().matcher(text);
            while (m.find()) {
                if (negatedBefore(text, m.start()) || negatedAfter(text, m.end())) {
                    avoided.add(wish.getKey());
                    break;
                }
            }
        }
        return avoided;
    }
}
