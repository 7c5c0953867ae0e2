package de.henk.hub.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.henk.hub.chat.Vocabulary.COLOURS;
import static de.henk.hub.chat.Vocabulary.MATERIALS;
import static de.henk.hub.chat.Vocabulary.PATTERNS;
import static de.henk.hub.chat.Vocabulary.STYLES;
import static de.henk.hub.chat.Vocabulary.WISHES;
import static de.henk.hub.chat.WordPatterns.mayMatch;

/**
 * The look the customer wants and the one ruled out: the style, colours, patterns and fabric wishes, each negated or
 * not by the words before or after it ({@link Negation}: "bloß kein Schwarz", "Streifen mag ich nicht", "keine
 * Wolle", "nicht zu modern", "nothing too flashy").
 */
final class WishRules {

    // The helpers' own patterns, compiled once (String.matches/replaceAll/split compile theirs on every call);
    // the ones tested with find() are those that were ".*x.*" for String.matches
    private static final Pattern BLACK_TIE = Pattern.compile("(black|white)[- ]?tie");
    /** "light grey", "light green", "light colours": a light colour, not a light cloth. */
    private static final Pattern LIGHT_COLOUR = Pattern.compile(
            "light[- ](grey|gray|blue|green|brown|beige|colou?r\\p{L}*|tones?|shades?)|light in colou?r"
                    // warm colours are a colour wish, not a warm cloth
                    + "|warme?[nr]? (farb\\p{L}*|töne?n?|ton|nuancen)|warm (colou?rs?|tones?|shades?|hues?)");

    /** "Lieber doch Mitternachtsblau", "actually navy instead": the colours said replace the ones before. */
    private static final Pattern COLOUR_INSTEAD = WordPatterns.words("lieber", "stattdessen", "statt", "anstatt", "instead",
            "rather", "actually", "eher", "sondern", "doch nicht", "changed my mind", "umentschieden", "nicht mehr");

    private WishRules() {
    }

    /** Whether the colours this message names are meant instead of the ones wished before. */
    static boolean replacesColours(String message) {
        return COLOUR_INSTEAD.matcher(Umlauts.restore(message.toLowerCase(java.util.Locale.GERMAN))).find();
    }

    /** The colours, patterns and fabrics the customer wants and those ruled out. */
    static void read(String text, ConversationProfile.Builder profile) {
        styles(text, profile);
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
                if (!Negation.before(wishText, m.start()) && !Negation.after(wishText, m.end())) {
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

    /**
     * The style wished — the first of the vocabulary's said and not ruled out — and the styles ruled out ("nicht zu
     * modern", "bloß nichts Ausgefallenes", "auffällig mag ich nicht"), which are never the wish.
     */
    private static void styles(String text, ConversationProfile.Builder profile) {
        String wanted = null;
        List<String> avoided = new ArrayList<>();
        for (var style : STYLES.entrySet()) {
            if (!mayMatch(style.getValue(), text)) {
                continue;
            }
            Matcher m = style.getValue().matcher(text);
            boolean said = false;
            while (m.find()) {
                if (Negation.rightBefore(text, m.start()) || Negation.refusedAfter(text, m.end())) {
                    if (!avoided.contains(style.getKey())) {
                        avoided.add(style.getKey());
                    }
                } else {
                    said = true;
                }
            }
            if (said && wanted == null && !avoided.contains(style.getKey())) {
                wanted = style.getKey();
            }
        }
        profile.style(wanted).avoidStyles(avoided);
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
                boolean negated = Negation.before(text, start) || Negation.after(text, end);
                List<String> target = negated ? avoided : wanted;
                if (!target.contains(entry.getKey())) {
                    target.add(entry.getKey());
                }
            }
        }
        wanted.removeAll(avoided);
        return new List[] {wanted, avoided};
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
                if (Negation.before(text, m.start()) || Negation.after(text, m.end())) {
                    avoided.add(wish.getKey());
                    break;
                }
            }
        }
        return avoided;
    }
}
