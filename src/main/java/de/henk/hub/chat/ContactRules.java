package de.henk.hub.chat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.henk.hub.chat.DateRules.MONTHS_DE;
import static de.henk.hub.chat.DateRules.MONTHS_EN;
import static de.henk.hub.chat.Vocabulary.COLOURS;
import static de.henk.hub.chat.Vocabulary.GARMENTS;
import static de.henk.hub.chat.Vocabulary.OCCASIONS;
import static de.henk.hub.chat.Vocabulary.PATTERNS;
import static de.henk.hub.chat.Vocabulary.STYLES;
import static de.henk.hub.chat.Vocabulary.WISHES;

/**
 * The contact data a message gives, read from it as written: an e-mail address and a name. (Phone numbers are found
 * by {@link ProfileExtractor}, with libphonenumber.)
 */
final class ContactRules {

    private static final Pattern TRAILING_NUMBER = Pattern.compile("[\\s\\p{Punct}]*\\d[\\d\\s/()+-]*$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** The longest address SMTP carries (RFC 5321); a longer "address" is no customer's. */
    private static final int MAX_EMAIL_LENGTH = 254;
    /** Longer than any name a customer gives; a name is at most this long, each of its words at most the next. */
    private static final int MAX_NAME_LENGTH = 120;
    private static final int MAX_NAME_WORD_LENGTH = 40;
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]{1,64}@[\\w-]{1,63}(?:\\.[\\w-]{1,63})+");
    /** A title before the name is no part of it: "Frau Dr. Schneider", "Mr. Brooks", "Herr Prof. Weber". */
    private static final String TITLES = "(?:(?iu:frau|herr|mr|mrs|ms|miss|dr|prof)\\.?\\s+){0,3}";
    private static final Pattern NAME = Pattern.compile(
            "(?iu:ich heiße|ich heisse|mein name ist|mein name:|name:|my name is|my name's|i am called|"
                    + "this is|ich bin der|ich bin die|grüße,?|grüßen,?|regards,?|cheers,?|contact me:|kontakt:)\\s+" + TITLES
                    + "((?:\\p{Lu}[\\p{L}'-]+)(?:\\s+(?:von |van |de )?\\p{Lu}[\\p{L}'-]+){0,2})",
            Pattern.UNICODE_CASE);
    private static final Pattern NAME_LOOSE = Pattern.compile(
            "(?iu:i am|i'm|hier ist|hier spricht)\\s+" + TITLES + "((?:\\p{Lu}[\\p{L}'-]+)(?:\\s+(?:von |van |de )?\\p{Lu}[\\p{L}'-]+){0,2})"
                    + "|(?iu:ich bin)\\s+((?:\\p{Lu}[\\p{L}'-]+)(?:\\s+(?:von |van |de )?\\p{Lu}[\\p{L}'-]+){1,2})",
            Pattern.UNICODE_CASE);
    /** Said outright, so a name in lower case counts too: "mein name ist anna schmidt". */
    private static final Pattern NAME_SAID = Pattern.compile(
            "(?iu:ich heiße|ich heisse|mein name ist|my name is|my name's|name:|name ist)\\s+" + TITLES
                    + "([\\p{L}'-]{2,}(?:\\s+(?:von |van |de )?[\\p{L}'-]{2,})?)", Pattern.UNICODE_CASE);
    /** A signature: "…, Anna Schmidt" or "– Anna" at the very end. */
    private static final Pattern NAME_AT_END = Pattern.compile(
            "(?:[,;\\n]|\\s[–—-]|\\b(?iu:lg|vg|mfg|gruß|grüße|gruss|gruesse|danke|thanks|best|cheers)\\b\\W*)\\s*"
                    + "(\\p{Lu}[\\p{L}'-]+(?:\\s+(?:von |van |de )?\\p{Lu}[\\p{L}'-]+){0,2})\\W*$",
            Pattern.UNICODE_CASE);
    /** Only a name before the contact data, in any case: "Max Mustermann, max@…", "felix wagner 0172 …". */
    private static final Pattern NAME_BEFORE_CONTACT = Pattern.compile(
            "^\\W*([\\p{L}'-]{2,}(?:\\s+(?:von |van |de )?[\\p{L}'-]{2,}){1,2})\\s*[,;:/|–-]?\\s*"
                    + "(?:(?iu:tel|telefon|handy|mobil|nummer|e-mail|email|mail)\\.?\\s*:?\\s*)?$", Pattern.UNICODE_CASE);
    private static final Pattern NOT_A_NAME = Pattern.compile("(?iu)anzug\\p{L}*|hochzeit\\p{L}*|suche|interesse|"
            + "bräutigam|kunde|looking|interested|grüße|gruß|danke|dank|vielen|thanks|regards|best|cheers|hallo|hello|"
            + "hi|hey|budget|euro|termin|bitte|please|mit|freundlichen|liebe|lieben|herzliche|kind|viele|sehr|"
            + "gerne?|ja|nein|yes|no|ok|okay|super|toll|perfekt|prima|schön|great|cool|nice|fine|here|hier|auf|"
            + "der|die|das|ein|eine|nicht|nur|im|in|am|um|und|oder|aber|für|from|the|and|or|sure|klar|genau|"
            + "sorry|entschuldigung|glad|happy|froh|gespannt|unsicher|müde|neu|new|back|zurück|interessiert|"
            + "frau|herr|mr|mrs|ms|dr|telefon|tel|mail|email|e-mail|handy|mobil|nummer|ende|anfang|mitte|"
            + "weihnachten|silvester|ostern|christmas|easter|tschüss|ciao|bye|passt|klingt|sounds|mein|meine|"
            + "ich|wir|er|sie|es|du|my|our|we|he|she|they|you|sohn|tochter|son|daughter|mann|freundin|freund|"
            + "wife|husband|vater|mutter|papa|mama|henk|team|shop|gut|good|alles|all|farbe|colour|color|stoff|"
            + "cloth|fabric|anlass|datum|date|größe|size|preis|price|maß|anprobe|fitting|erreichbar|unter|reach|"
            + "at|on|via|per|whatsapp|sms|text|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|"
            + "tuesday|wednesday|thursday|friday|saturday|sunday|vormittags?|nachmittags?|abends?|morgens?|heute|"
            + "today|tomorrow");
    private static final Pattern INTENT_WORDS = Pattern.compile("(?iu)^(such|brauch|möcht|will|wollen|need|want|"
            + "looking|termin|appointment|anruf|rückruf|call|kontakt|contact|interess|heirat|bestell|order|kauf|buy)");

    private ContactRules() {
    }

    /** The message with its e-mail addresses blanked out: "sommer.gast@…" is no season, no name. */
    static String withoutEmails(String message) {
        return EMAIL.matcher(message).replaceAll(" ");
    }

    /** The first e-mail address in the message; one longer than an address can be (254 characters) is none. */
    static String email(String message) {
        Matcher m = EMAIL.matcher(message);
        while (m.find()) {
            if (m.group().length() <= MAX_EMAIL_LENGTH) {
                return m.group().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /**
     * A name said outright ("mein name ist anna schmidt", "ich heiße …"), introduced ("I'm Anna", "ich bin Anna
     * Schmidt", "Grüße, Anna") or signed at the end ("…, Anna Schmidt"); never a word HENK knows as something else.
     */
    static String name(String message) {
        String oneLine = withoutEmails(message).strip();
        for (Pattern pattern : List.of(NAME, NAME_SAID, NAME_LOOSE, NAME_AT_END)) {
            Matcher m = pattern.matcher(pattern == NAME_AT_END ? TRAILING_NUMBER.matcher(oneLine).replaceAll("")
                    : oneLine);
            while (m.find()) {
                String found = m.group(1) != null ? m.group(1) : m.groupCount() > 1 ? m.group(2) : null;
                if (found != null && isName(found.strip())) {
                    return capitalised(found.strip());
                }
            }
        }
        String contactLess = TRAILING_NUMBER.matcher(oneLine).replaceAll("").strip();
        // only before contact data: an address, or a number long enough to be a phone ("hm doch eher 1500" is none)
        long digits = oneLine.substring(Math.min(contactLess.length(), oneLine.length())).chars()
                .filter(Character::isDigit).count();
        if (EMAIL.matcher(message).find() || digits >= 6) {
            Matcher m = NAME_BEFORE_CONTACT.matcher(contactLess);
            if (m.find() && isName(m.group(1).strip())) {
                return capitalised(m.group(1).strip());
            }
        }
        return null;
    }

    private static boolean isName(String candidate) {
        if (candidate.length() > MAX_NAME_LENGTH) {
            return false;
        }
        String[] words = WHITESPACE.split(candidate);
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.length() > MAX_NAME_WORD_LENGTH) {
                // "ich heiße AAAA…" with hundreds of letters is no one's name (and no lead's either)
                return false;
            }
            String w = Umlauts.restore(word.toLowerCase(Locale.GERMAN));
            if (w.equals("von") || w.equals("van") || w.equals("de")) {
                continue;
            }
            if (NOT_A_NAME.matcher(w).matches()) {
                return false;
            }
            // a colour after a first name is a surname: Lukas Weiß, Stefan Schwarz, Mark Brown
            boolean surname = i > 0 && i == words.length - 1 && colour(w);
            if (!surname && knownWord(w)) {
                return false;
            }
        }
        return true;
    }

    private static boolean colour(String word) {
        for (Pattern p : COLOURS.values()) {
            if (p.matcher(word).matches()) {
                return true;
            }
        }
        return false;
    }

    /** A word HENK reads as an occasion, garment, colour, month or the like is no name ("Grüße, Hochzeit Juni"). */
    private static boolean knownWord(String word) {
        for (Map<String, Pattern> vocabulary : List.of(OCCASIONS, STYLES, GARMENTS, COLOURS, PATTERNS, WISHES)) {
            for (Pattern p : vocabulary.values()) {
                if (p.matcher(word).matches()) {
                    return true;
                }
            }
        }
        for (int i = 0; i < 12; i++) {
            if (word.equals(MONTHS_DE[i]) || word.equals(MONTHS_EN[i])) {
                return true;
            }
        }
        return INTENT_WORDS.matcher(word).find();
    }

    /** Anna-Lena, O'Neill, D'Angelo: each part of a double name, and the name after an Irish or Italian O' or D'. */
    private static String capitalisedParts(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean starts = i == 0 || word.charAt(i - 1) == '-'
                    || (i == 2 && (word.charAt(1) == '\'' || word.charAt(1) == '’'));
            out.append(starts ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    private static String capitalised(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : WHITESPACE.split(name)) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            boolean particle = word.equals("von") || word.equals("van") || word.equals("de");
            out.append(particle || word.isEmpty() ? word : capitalisedParts(word));
        }
        return out.toString();
    }
}
