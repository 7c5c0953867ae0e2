package de.henk.hub.chat;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import de.henk.hub.crm.PhoneNumbers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule-based understanding of one customer message (German first, English too). Words are matched as whole
 * words or word stems, never as bare substrings: "maßgeschneidert" is not "Maß(nehmen)". What HENK just asked
 * ({@code expecting}) lets a bare answer count: "2000" after the budget question is a budget, "nein" after the
 * appointment question a no. Phone numbers are found with Google's libphonenumber ({@link PhoneNumbers#find}, in
 * the region of {@code henk.crm.phone-country-code}); numbers written as words ("zweitausend", "two thousand")
 * are read with ICU's spell-out rules ({@link NumberWords}) before the budget and date rules see the message.
 */
public class ProfileExtractor {

    /** Each vocabulary pattern's required plain text ({@link RequiredLiterals}); filled as the patterns are made. */
    private static final Map<Pattern, RequiredLiterals> REQUIRED = new java.util.IdentityHashMap<>();


    // The helpers' own patterns, compiled once (String.matches/replaceAll/split compile theirs on every call);
    // the ones tested with find() are those that were ".*x.*" for String.matches
    private static final Pattern BLACK_TIE = Pattern.compile("black[- ]tie");
    private static final Pattern LIGHT_COLOUR = Pattern.compile("light (grey|gray|blue)");
    private static final Pattern GERMAN_LETTER_LINE = Pattern.compile(".*[äöüß].*");
    private static final Pattern ALL_BUT_BEFORE = Pattern.compile("(?s).*\\b(anything|everything|all|alles) (but|außer)\\s+$");
    private static final Pattern JOINING_WORD = Pattern.compile(
            "\\b(und|and|oder|or|sondern|statt|instead|aber|but|bloß|just)\\b");
    private static final Pattern MAY_I = Pattern.compile("\\bmay (i|we)\\b");
    private static final Pattern MONEY_WORD = Pattern.compile("(?i)(zwischen|between|€|euro|eur|k\\b)");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,;]");
    private static final Pattern TRAILING_NUMBER = Pattern.compile("[\\s\\p{Punct}]*\\d[\\d\\s/()+-]*$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern HOW_LONG_OR_PRICE = Pattern.compile("\\b(wie lange|how long|was kostet)\\b");
    private static final Pattern DECIMAL_THOUSANDS = Pattern.compile("\\d{1,2}[.,]\\d");
    private static final Pattern DIGIT_GROUPING = Pattern.compile("[.,\\s']");

    private static final Map<String, Pattern> OCCASIONS = new LinkedHashMap<>();
    private static final List<Map.Entry<String, Pattern>> SEASONS = List.of(
            Map.entry("summer", words("\\p{L}*sommer\\p{L}*", "summer\\p{L}*")),
            Map.entry("winter", words("\\p{L}*winter\\p{L}*")),
            Map.entry("spring", words("frühling\\p{L}*", "frühjahr\\p{L}*", "spring")),
            Map.entry("autumn", words("\\p{L}*herbst\\p{L}*", "autumn", "(?:in|this|next|the) fall")));
    private static final Map<String, Pattern> STYLES = new LinkedHashMap<>();
    private static final Map<String, Pattern> GARMENTS = new LinkedHashMap<>();
    private static final Map<String, Pattern> COLOURS = new LinkedHashMap<>();
    private static final Map<String, Pattern> PATTERNS = new LinkedHashMap<>();
    private static final Map<String, Pattern> WISHES = new LinkedHashMap<>();

    static {
        OCCASIONS.put("wedding", words("\\p{L}*hochzeit\\p{L}*", "heirat\\p{L}*", "trauung", "standesamt\\p{L}*",
                "wedding", "bräutigam", "groom", "trauzeuge\\p{L}*", "best man", "getting married", "marry"));
        OCCASIONS.put("christening", words("taufe", "tauffeier", "christening", "baptism", "kommunion", "konfirmation"));
        OCCASIONS.put("prom", words("abschlussball", "abiball", "abschlussfeier", "prom", "graduation", "abschluss",
                "abi", "abi-?\\p{L}+", "abitur\\p{L}*", "matura\\p{L}*", "abschluss\\p{L}+", "schulabschluss\\p{L}*",
                "tanzschulball", "graduation \\p{L}+"));
        OCCASIONS.put("gala", words("gala\\p{L}*", "black tie", "smoking", "tuxedo", "opernball", "ball", "oper",
                "premiere", "abendveranstaltung"));
        OCCASIONS.put("business", words("business", "büro", "office", "geschäft\\p{L}*", "job", "arbeit", "meeting\\p{L}*",
                "bewerbung\\p{L}*", "vorstellungsgespräch", "interview", "kanzlei", "bank", "beruf\\p{L}*", "for work"));
        OCCASIONS.put("everyday", words("alltag\\p{L}*", "everyday", "freizeit", "wochenende", "weekend"));

        STYLES.put("classic", words("klassisch\\p{L}*", "classic\\p{L}*", "zeitlos\\p{L}*", "timeless", "traditionell\\p{L}*",
                "konservativ\\p{L}*", "elegant\\p{L}*", "seriös\\p{L}*"));
        STYLES.put("modern", words("modern\\p{L}*", "slim", "schmal\\p{L}*", "tailliert\\p{L}*", "figurbetont\\p{L}*",
                "fitted", "sleek"));
        STYLES.put("casual", words("lässig\\p{L}*", "leger\\p{L}*", "relaxed", "locker\\p{L}*", "entspannt\\p{L}*"));
        STYLES.put("extravagant", words("extravagant\\p{L}*", "auffällig\\p{L}*", "bold", "mutig\\p{L}*",
                "ausgefallen\\p{L}*", "flamboyant"));

        // most specific first: "Dreiteiler" is a suit too, "Smoking" a jacket too
        GARMENTS.put("tuxedo", words("smoking\\p{L}*", "tuxedo\\p{L}*", "tux", "tuxe?s", "dinner ?jacket", "frack"));
        GARMENTS.put("three-piece", words("dreiteiler\\p{L}*", "dreiteilig\\p{L}*", "three[- ]piece", "anzug mit weste",
                "suit with (a )?(waistcoat|vest)", "mit weste"));
        GARMENTS.put("coat", words("\\p{L}*mantel", "\\p{L}*mäntel", "overcoat", "coat", "wintermantel", "übermantel"));
        GARMENTS.put("jacket", words("\\p{L}*sakko\\p{L}*", "jackett\\p{L}*", "blazer", "sport ?coat", "jacket"));
        GARMENTS.put("trousers", words("\\p{L}*hose", "\\p{L}*hosen", "trousers", "pants", "slacks", "chinos"));
        GARMENTS.put("vest", words("weste", "waistcoat", "vest"));
        GARMENTS.put("shirt", words("\\p{L}*hemd\\p{L}*", "shirt\\p{L}*"));
        GARMENTS.put("suit", words("\\p{L}*anzug", "\\p{L}*anzüge", "\\p{L}*anzuges", "zweiteiler\\p{L}*", "two[- ]piece",
                "suit", "suits"));

        // the catalogue's colours (German), the most specific first; families ("blau") last
        COLOURS.put("marineblau", words("marineblau\\p{L}*", "navy\\p{L}*", "marine"));
        COLOURS.put("mitternachtsblau", words("mitternachtsblau\\p{L}*", "nachtblau\\p{L}*", "midnight blue", "midnight"));
        COLOURS.put("hellblau", words("hellblau\\p{L}*", "light blue", "himmelblau\\p{L}*"));
        COLOURS.put("dunkelblau", words("dunkelblau\\p{L}*", "dark blue"));
        COLOURS.put("anthrazit", words("anthrazit\\p{L}*", "charcoal", "dunkelgrau\\p{L}*", "dark grey", "dark gray"));
        COLOURS.put("hellgrau", words("hellgrau\\p{L}*", "light grey", "light gray", "silbergrau\\p{L}*"));
        COLOURS.put("bordeaux", words("bordeaux\\p{L}*", "burgundy", "weinrot\\p{L}*"));
        COLOURS.put("oliv", words("oliv", "olivgrün\\p{L}*", "olive", "olivfarben\\p{L}*"));
        COLOURS.put("tabak", words("tabak\\p{L}*", "tobacco"));
        COLOURS.put("creme", words("creme\\p{L}*", "cream", "elfenbein\\p{L}*", "ivory"));
        COLOURS.put("sand", words("sand\\p{L}*", "sandy"));
        COLOURS.put("camel", words("camel"));
        COLOURS.put("beige", words("beige\\p{L}*"));
        COLOURS.put("blau", words("blau", "blaue[nmrs]?", "blaues", "blue", "bläulich\\p{L}*"));
        COLOURS.put("grau", words("grau", "graue[nmrs]?", "grey", "gray"));
        COLOURS.put("schwarz", words("schwarz", "schwarze[nmrs]?", "black"));
        COLOURS.put("braun", words("braun", "braune[nmrs]?", "brown"));
        COLOURS.put("grün", words("grün", "grüne[nmrs]?", "green"));
        COLOURS.put("rot", words("rot", "rote[nmrs]?", "red"));
        // "weiß ich nicht", "ich weiß" is knowing, not white
        COLOURS.put("weiß", Pattern.compile("(?<![\\p{L}\\d])(?<!ich |er |sie |man |wer |nicht |nur |jeder |keiner )"
                + "(?:weiß|weiss|weiße[nmrs]?|white)(?![\\p{L}\\d])(?! (?:ich|er|sie|man|es|das|nicht|noch|jemand|keiner|"
                + "nur|schon|gar|leider|bescheid|nix|nichts))", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));

        PATTERNS.put("Nadelstreifen", words("nadelstreif\\p{L}*", "pinstripe\\p{L}*", "pin stripe\\p{L}*"));
        PATTERNS.put("Kreidestreifen", words("kreidestreif\\p{L}*", "chalk ?stripe\\p{L}*"));
        PATTERNS.put("Glencheck", words("glencheck\\p{L}*", "glen ?check\\p{L}*", "prince of wales"));
        PATTERNS.put("Fischgrat", words("fischgrat\\p{L}*", "herringbone"));
        PATTERNS.put("Pepita", words("pepita\\p{L}*", "hahnentritt\\p{L}*", "houndstooth"));
        PATTERNS.put("Streifen", words("streifen", "gestreift\\p{L}*", "stripes?", "striped"));
        PATTERNS.put("Karo", words("karo\\p{L}*", "kariert\\p{L}*", "checks?", "checked", "plaid", "tartan"));
        PATTERNS.put("uni", words("uni", "einfarbig\\p{L}*", "unifarben\\p{L}*", "plain", "solid"));

        WISHES.put("light", words("leicht\\p{L}*", "light(weight)?", "luftig\\p{L}*", "atmungsaktiv\\p{L}*", "breathable",
                "dünn\\p{L}*", "nicht zu warm", "not too warm"));
        WISHES.put("linen", words("leinen\\p{L}*", "linen"));
        WISHES.put("crease-resistant", words("knitterarm\\p{L}*", "knitterfrei\\p{L}*", "knitterresistent\\p{L}*",
                "crease[- ]resistant", "wrinkle[- ]?(free|resistant)", "non[- ]?crease", "reisetauglich\\p{L}*",
                "travel"));
        WISHES.put("wool", words("schurwolle", "wolle", "wool", "merino", "kammgarn\\p{L}*", "worsted"));
        WISHES.put("cotton", words("baumwolle", "cotton"));
        WISHES.put("cashmere", words("kaschmir\\p{L}*", "cashmere"));
        WISHES.put("silk", words("seide", "silk"));
        WISHES.put("mohair", words("mohair"));
        WISHES.put("flannel", words("flanell\\p{L}*", "flannel"));
        WISHES.put("tweed", words("tweed\\p{L}*"));
        WISHES.put("warm", words("warm\\p{L}*", "wärmend\\p{L}*", "schwere[nr]? stoff\\p{L}*", "heavy", "heavier"));
        WISHES.put("stretch", words("stretch\\p{L}*", "elastisch\\p{L}*", "bequem\\p{L}*", "comfortable"));
    }

    private static final String[] MONTHS_DE = {"januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
            "september", "oktober", "november", "dezember"};
    private static final String[] MONTHS_EN = {"january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december"};
    private static final String MONTH_NAMES = "(" + String.join("|", MONTHS_DE) + "|" + String.join("|", MONTHS_EN)
            + "|jan|feb|mär|apr|jun|jul|aug|sep|sept|okt|oct|nov|dez|dec)";
    // withoutDates: a year after a month, a year after "im"/"in"/"Jahr" (no amount — but "bis 2000" is), counted things, sizes
    private static final Pattern MONTH_YEAR = Pattern.compile(MONTH_NAMES + "\\.?\\s+20\\d{2}\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(im|in|jahr|year|anno|seit|since)\\s+(19|20)\\d{2}\\b(?!\\s*(€|euro|eur))");
    private static final Pattern COUNTED = Pattern.compile("\\d+\\s*(uhr|wochen|woche|weeks?|monate\\w*|months?|jahre\\w*|years?"
            + "|gäste|guests|personen|people|cm|kg|%)");
    private static final Pattern SIZE = Pattern.compile("(größe|size|gr\\.)\\s*\\d+");

    private static final Pattern DAY_MONTH_NAME = Pattern.compile(
            "(?<![\\d.])(\\d{1,2})(?:\\.|st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH_NAMES + "\\.?(?:\\s+(20\\d{2})(?![\\d.,]|\\s*(?:€|eur|k\\b|tsd|tausend)))?(?!\\p{L})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MONTH_NAME_DAY = Pattern.compile(
            "(?<!\\p{L})" + MONTH_NAMES + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(20\\d{2})(?![\\d.,]|\\s*(?:€|eur|k\\b|tsd|tausend)))?(?![\\d.])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(20\\d{2}|\\d{2})?(?![\\d])");
    private static final Pattern IN_WEEKS_OR_MONTHS = Pattern.compile(
            "(?:in|within|innerhalb von|innerhalb|binnen|in about|in etwa|in ca\\.?|in gut|in knapp)\\s+"
                    + "(\\d{1,2}|ein paar|a few|a couple of|[\\p{L}-]+)\\s+(wochen|woche|weeks?|monaten|monat|months?)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Days and months an occasion names by itself: "an Silvester", "Christmas party", "Ende März". */
    private static final Pattern NEW_YEARS_EVE = words("silvester\\p{L}*", "new year'?s eve", "nye");
    private static final Pattern CHRISTMAS = words("weihnacht\\p{L}*", "christmas\\p{L}*", "xmas", "x-mas",
            "heiligabend", "christmas eve", "adventsfeier", "jahresabschlussfeier", "jahresendfeier");
    private static final Pattern NEW_YEAR = words("neujahr\\p{L}*", "new year'?s day");
    private static final Pattern EASTER = words("ostern", "oster\\p{L}+", "easter");
    private static final Pattern OKTOBERFEST = words("oktoberfest", "wiesn");
    /** "nicht im Juni", "not june": a month the customer rules out, not the date ("nicht Juni, sondern Juli"). */
    private static final Pattern MONTH_NEGATED = Pattern.compile(
            "(?:nicht|not|no longer|nicht mehr|statt|instead of|anstatt|anstelle)\\s+(?:im\\s+|in\\s+|am\\s+|der\\s+)?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NEXT_MONTH = words("nächsten monat", "kommenden monat", "next month");
    private static final Pattern NEXT_YEAR = words("nächstes jahr", "nächsten jahr", "kommendes jahr", "next year");
    private static final Pattern FLEXIBLE = words("keine eile", "kein zeitdruck", "kein termin", "kein bestimmtes datum",
            "zeitlich flexibel", "egal wann", "no rush", "no hurry", "no deadline", "no particular date", "whenever",
            "kein fester termin", "hat zeit", "eilt nicht");

    private static final String NUMBER = "(\\d{1,3}(?:[.,\\s']\\d{3})+|\\d{1,2}[.,]\\d(?=\\s*(?:k|tsd|tausend))|\\d+)(?:,(?:\\d{1,2}|-))?\\s*(k|tsd\\.?|tausend)?";
    private static final Pattern AMOUNT_WITH_CURRENCY = Pattern.compile(
            NUMBER + "\\s*(?:€|euro\\b|eur\\b|euros\\b)|(?:€|eur\\b)\\s*" + NUMBER, Pattern.CASE_INSENSITIVE);
    private static final Pattern THOUSANDS = Pattern.compile(
            "(?<![\\d.,])(\\d{1,3}(?:[.,]\\d)?)\\s*(k|tsd\\.?|tausend)(?!\\p{L})", Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGE = Pattern.compile(
            "(?:zwischen|between|von|from)?\\s*" + NUMBER + "\\s*(?:€|euro|eur)?\\s*(?:und|and|bis|to|-|–)\\s*" + NUMBER
                    + "\\s*(€|euro\\b|eur\\b|euros\\b)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern AMOUNT_AFTER_BUDGET = Pattern.compile(
            "(?:budget|preis|price|ausgeben|spend|kosten|maximal|max\\.?|höchstens|bis zu|up to|at most|unter|under|"
                    + "bis|no more than|nicht mehr als|etwa|ca\\.?|circa|around|about|rund|um die|so um|ungefähr|approx\\.?|"
                    + "approximately|roughly|knapp|tops)\\D{0,25}?" + NUMBER,
            Pattern.CASE_INSENSITIVE);
    /** "1500 wäre meine Grenze", "2000 tops", "2500 max". */
    private static final Pattern AMOUNT_BEFORE_BUDGET = Pattern.compile(
            "(?<![\\d.,'])(\\d{1,2}[.,]\\d{3}|\\d{3,5})(?![\\d.,])\\s*(?:€|euro|eur)?\\s*(?:wäre|ist|sind|is|would be|as)?\\s*(?:meine|mein|die|das|unser|unsere|my|the|our)?\\s*"
            + "(?:grenze|obergrenze|schmerzgrenze|limit|maximum|max|höchstgrenze|budget|tops|at most|höchstens|maximal)(?!\\p{L})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern STANDALONE_AMOUNT = Pattern.compile(
            "(?:^|[,;]|\\s[–-])\\s*(?:so\\s+|ca\\.?\\s+|etwa\\s+|about\\s+|around\\s+)?(\\d{3,5}|\\d{1,2}\\.\\d{3})\\s*(?=$|[,;.!]|\\s[–-])");
    private static final Pattern CORRECTION = words("doch", "lieber", "eher", "sondern", "statt", "korrektur",
            "ich meinte", "besser", "actually", "rather", "make (it|that)", "i meant", "correction", "instead",
            "sorry", "nein", "no");
    private static final Pattern BARE_AMOUNT = Pattern.compile("^\\D{0,20}?" + NUMBER + "\\D{0,20}$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]{1,64}@[\\w-]{1,63}(?:\\.[\\w-]{1,63})+");
    private static final Pattern NAME = Pattern.compile(
            "(?iu:ich heiße|ich heisse|mein name ist|mein name:|name:|my name is|my name's|i am called|"
                    + "this is|ich bin der|ich bin die|grüße,?|grüßen,?|regards,?|cheers,?)\\s+"
                    + "((?:\\p{Lu}[\\p{L}'-]+)(?:\\s+(?:von |van |de )?\\p{Lu}[\\p{L}'-]+){0,2})",
            Pattern.UNICODE_CASE);
    private static final Pattern NAME_LOOSE = Pattern.compile(
            "(?iu:i am|i'm|hier ist|hier spricht)\\s+((?:\\p{Lu}[\\p{L}'-]+)(?:\\s+(?:von |van |de )?\\p{Lu}[\\p{L}'-]+){0,2})"
                    + "|(?iu:ich bin)\\s+((?:\\p{Lu}[\\p{L}'-]+)(?:\\s+(?:von |van |de )?\\p{Lu}[\\p{L}'-]+){1,2})",
            Pattern.UNICODE_CASE);
    /** Said outright, so a name in lower case counts too: "mein name ist anna schmidt". */
    private static final Pattern NAME_SAID = Pattern.compile(
            "(?iu:ich heiße|ich heisse|mein name ist|my name is|my name's|name:|name ist)\\s+"
                    + "([\\p{L}'-]{2,}(?:\\s+(?:von |van |de )?[\\p{L}'-]{2,})?)", Pattern.UNICODE_CASE);
    /** A signature: "…, Anna Schmidt" or "– Anna" at the very end. */
    private static final Pattern NAME_AT_END = Pattern.compile(
            "(?:[,;\\n]|\\s[–—-]|\\b(?iu:lg|vg|mfg|gruß|grüße|gruss|gruesse|danke|thanks|best|cheers)\\b\\W*)\\s*"
                    + "(\\p{Lu}[\\p{L}'-]+(?:\\s+(?:von |van |de )?\\p{Lu}[\\p{L}'-]+){0,2})\\W*$",
            Pattern.UNICODE_CASE);
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
            + "cloth|fabric|anlass|datum|date|größe|size|preis|price|maß|anprobe|fitting");
    private static final Pattern INTENT_WORDS = Pattern.compile("(?iu)^(such|brauch|möcht|will|wollen|need|want|"
            + "looking|termin|appointment|anruf|rückruf|call|kontakt|contact|interess|heirat|bestell|order|kauf|buy)");
    /** Fabric wishes that name a material, which a customer can also rule out ("keine Wolle"). */
    static final List<String> MATERIALS = List.of("linen", "wool", "cotton", "cashmere", "silk", "mohair",
            "flannel", "tweed");

    private static final Pattern DECLINED = words("kein interesse", "keine? (anrufe?|kontakt|e-?mails?|mails?|werbung)( bitte)?",
            "(no|don'?t) (calls?|contact|emails?) please", "please (don'?t|do not) (call|contact|email|e-mail)",
            "(bitte )?(ruft|rufen sie|ruf) mich (bitte )?nicht an", "(bitte )?meldet euch nicht", "möchte nicht kontaktiert werden",
            "will nicht kontaktiert werden", "(do not|don'?t) want to be (called|contacted)", "unsubscribe",
            "(i'?ve|i have) changed my mind", "hab(e)? es mir anders überlegt", "no longer (needed|interested)",
            "brauche (ihn|es|keinen) (doch )?nicht mehr", "not anymore", "nein,? danke", "nein danke", "no,? thanks?",
            "no thank you", "not interested", "nicht interessiert", "bitte nicht kontaktieren", "keine kontaktaufnahme",
            "nicht anrufen", "don'?t (call|contact)", "do not (call|contact)", "(möchte|will|brauche) keinen termin",
            "no appointment", "lieber nicht", "rather not", "vielleicht später", "maybe later",
            "hat sich erledigt", "never mind", "doch nicht");
    /** Asked to be called or written to: buying intent, a lead at once once a budget or date is known. */
    private static final Pattern CALLBACK = words("(ruft|ruf|rufen sie|rufen se|könnt ihr|können sie|kannst du) (mich )?"
            + "(bitte |mal |gern |gerne |doch )*(zurück|an|anrufen|zurückrufen)", "rückruf\\p{L}*", "zurückrufen",
            "(bitte|gern|gerne) (um )?(einen )?(anruf|rückruf)", "anruf wäre (gut|toll|super|nett|prima)",
            "melden sie sich( bitte)?( bei mir)?", "meldet euch( bitte)?( bei mir)?", "melde dich( bitte)?( bei mir)?",
            "(bitte|gern) (melden|kontaktieren)", "kontaktieren sie mich", "kontaktiert mich", "schreiben sie mir",
            "schreibt mir", "call me( back)?", "(give|gimme) me a (call|ring|bell)", "ring me( back)?", "phone me",
            "(can|could|would) (you|someone|somebody|one of you) (please )?(call|phone|ring|contact|email|e-mail) me",
            "please (call|phone|ring|contact|email|e-mail) me", "call back", "callback", "call-back",
            "reach out to me", "get back to me", "(get|be) in touch with me", "contact me", "email me", "e-mail me",
            "drop me a (line|mail|note)");
    /** Not someone who wants clothes: spam, a sales pitch, a job application, a competitor, a self-declared joke. */
    private static final Pattern NOT_A_CUSTOMER = words(
            // spam and sales pitches
            "seo", "backlinks?", "suchmaschinenoptimierung", "website traffic", "google ranking", "ranking auf google",
            "crypto\\p{L}*", "krypto\\p{L}*", "bitcoin", "casino", "viagra", "forex", "investment opportunity",
            "make money", "geld verdienen", "gewinnspiel", "you (have )?won", "sie haben gewonnen", "click (here|this link)",
            "klicken sie hier", "lottery", "marketing ?agency", "marketingagentur", "online ?marketing", "leadgenerierung",
            "lead generation", "(unser|our) (angebot|offer) für (ihre|your) (website|webseite|firma|company)",
            "redesign (ihrer|your) (website|webseite)", "(ihre|your) (website|webseite) (verbessern|optimieren|improve)",
            // job seekers
            "(bewerbe|bewirbt|bewerben) (mich|uns)", "initiativbewerbung", "lebenslauf", "ausbildungsplatz",
            "ausbildung (als|zum|zur|bei)", "praktikum\\p{L}*", "stelle als", "(job|stelle|arbeit|nebenjob|minijob) "
            + "bei (euch|ihnen|henk|dir)", "(sucht|sucht ihr|suchen sie) (noch )?(mitarbeiter|schneider|verstärkung|personal|aushilfe)",
            "stellenangebot\\p{L}*", "offene stellen?", "bei (euch|ihnen) arbeiten", "für (euch|sie) arbeiten",
            "appl(y|ying) for (a|the|your) (job|position|vacancy|role)", "job application", "my (cv|resume|résumé)",
            "are you hiring", "hiring\\?", "vacanc(y|ies)", "work for you", "job (opening|offer)s?", "position as",
            "internship", "apprenticeship",
            // competitors and trade enquiries
            "(wir sind|ich bin|we are|i am|i'm) (auch |also |selbst )?(eine?n? |a |an )?(andere |other |fellow )?"
            + "(maß)?(schneiderei|schneider|tailor|tailoring company|tailors|bespoke tailor)",
            "(wir sind|we are) (ein |a |ihr |your )?(mitbewerber|konkurrent\\p{L}*|competitor)",
            "wholesale", "großhandel\\p{L}*", "wiederverkäufer\\p{L}*",
            "reseller", "white ?label", "händlerpreis\\p{L}*", "einkaufspreis\\p{L}*",
            "(wir|we) (liefern|supply|sell|vertreiben) (stoffe|fabrics|cloth)", "marktforschung", "market research",
            "mystery shop\\p{L}*", "kooperationsanfrage", "partnership proposal",
            // a joke said to be one
            "just kidding", "only joking", "just joking", "(war |ist )?nur (ein )?(spaß|spass|scherz|witz)",
            "war (ein|nur ein) (scherz|witz)", "nicht ernst gemeint", "not serious", "prank", "spaßanfrage", "scherzanfrage");
    private static final Pattern BROWSING = words("nur (mal )?(umschauen|umsehen|schauen|gucken|stöbern|informieren)",
            "(schaue?|sehe?|gucke?) mich( nur| erstmal| erst mal| mal| einfach| bloß| grad| gerade)* um", "(will|möchte) (mich )?(nur|erstmal) (mal )?(schauen|gucken|informieren)",
            "(erstmal|erst mal|zunächst) (nur )?(informieren|schauen|umschauen)", "just (browsing|looking|curious)",
            "only looking", "keine konkreten pläne", "no (concrete |specific )?plans", "noch nicht sicher",
            "not sure yet", "aus neugier", "out of curiosity", "nur neugierig");
    private static final Pattern INTERESTED = words("suche", "suchen", "brauche", "brauchen", "benötige", "möchte",
            "hätte gern\\p{L}*", "ich will", "wir wollen", "need", "looking for", "want", "would like", "i'd like",
            "get married", "heirate", "heiraten", "interessiere", "interested in");
    private static final Pattern ORDERING = words("bestellen", "kaufen", "in auftrag geben", "anfertigen lassen",
            "machen lassen", "nähen lassen", "schneidern lassen", "ich nehme", "nehme ich", "los geht'?s",
            "order", "buy", "i'll take", "let'?s do it", "let'?s go ahead", "go ahead", "melden sie sich",
            "rufen sie (mich )?an", "kontaktieren sie mich", "get in touch", "contact me", "call me");
    private static final Pattern APPOINTMENT = words("termin (vereinbaren|machen|buchen|ausmachen)", "einen termin",
            "termin,? bitte", "bitte (um )?einen termin",
            "beratungstermin", "anprobetermin", "messtermin", "appointment", "maß nehmen", "maßnehmen",
            "vermessen", "vorbeikommen", "vorbei kommen", "come (in|by)", "book", "buchen", "beratungstermin",
            "measured", "fitting");
    private static final Pattern YES = Pattern.compile(
            "^\\W*(ja|jawohl|gern|gerne|sehr gern|klar|natürlich|okay|ok|yes|yeah|yep|sure|please do|ja bitte|"
                    + "das wäre (schön|toll|super)|that would be (great|nice)|sounds good|passt)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NO = Pattern.compile("^\\W*(nein|nö|no|nope|eher nicht|not now|jetzt nicht)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

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

    private static final Pattern GERMAN = words("ich", "und", "für", "eine?", "einen", "der", "die", "das", "ist",
            "im", "mit", "suche", "möchte", "anzug", "hochzeit", "bitte", "danke", "wir", "nicht", "hallo", "gerne",
            "ja", "nein", "kein\\p{L}*", "wie", "was", "wann", "mein\\p{L}*", "sie", "es", "zu", "bis", "auf", "guten");
    private static final Pattern ENGLISH = words("i", "and", "for", "a", "the", "is", "in", "with", "looking", "suit",
            "wedding", "please", "thanks", "we", "not", "hello", "my", "need", "yes", "no", "how", "what", "when",
            "you", "it", "to", "of", "do", "hi", "thank", "can", "would", "like");

    private final Clock clock;
    private final PhoneNumbers phoneNumbers;

    /** Phone numbers without a country code are read as German ones. */
    public ProfileExtractor(Clock clock) {
        this(clock, new PhoneNumbers("49"));
    }

    public ProfileExtractor(Clock clock, PhoneNumbers phoneNumbers) {
        this.clock = clock;
        this.phoneNumbers = phoneNumbers;
        // libphonenumber's metadata and ICU's spell-out rules load on first use: here, not in a customer's turn
        phoneNumbers.find("0170 1234567");
        NumberWords.digits("zweitausend two thousand");
    }

    public ConversationProfile extract(String message) {
        return extract(message, null);
    }

    /** What one message says; {@code expecting} is the phase HENK asked about last (null on the first turn). */
    public ConversationProfile extract(String message, Phase expecting) {
        // contact data is read from the message as written; everything else from the rest ("sommer.gast@…" is no
        // season, "0170 1234567" no budget); numbers written as words are read as digits ("zweitausend" → 2000)
        String withoutEmails = EMAIL.matcher(message).replaceAll(" ");
        List<PhoneNumbers.Found> phones = phoneNumbers.find(withoutEmails);
        StringBuilder rest = new StringBuilder(withoutEmails);
        for (int i = phones.size() - 1; i >= 0; i--) {
            rest.replace(phones.get(i).start(), phones.get(i).end(), " ");
        }
        String text = NumberWords.digits(rest.toString().toLowerCase(Locale.GERMAN).replace('’', '\''));
        ConversationProfile.Builder profile = ConversationProfile.builder()
                .language(language(text))
                .occasion(first(OCCASIONS, text))
                .garment(first(GARMENTS, text))
                .style(first(STYLES, text));
        timing(text, profile);
        Integer[] budget = budget(text, expecting == Phase.BUDGET);
        profile.budget(budget[0], budget[1]);
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
        profile.contact(name(message), email(message), phones.isEmpty() ? null : phones.get(0).written());
        intent(text, expecting, profile);
        return profile.build();
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

    private static String first(Map<String, Pattern> candidates, String text) {
        for (var entry : candidates.entrySet()) {
            if (mayMatch(entry.getValue(), text) && entry.getValue().matcher(text).find()) {
                return entry.getKey();
            }
        }
        return null;
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

    // --- timing ----------------------------------------------------------------------------------------------

    private void timing(String text, ConversationProfile.Builder profile) {
        LocalDate today = LocalDate.now(clock);
        LocalDate day = day(text, today);
        if (day != null) {
            profile.timing(day.toString(), YearMonth.from(day).toString(), seasonOf(day.getMonth()), day.toString(),
                    day.toString(), null);
            return;
        }
        YearMonth month = month(text, today);
        if (month == null) {
            LocalDate holiday = holiday(text, today);
            if (holiday != null && NEW_YEARS_EVE.matcher(text).find()) {
                profile.timing(holiday.toString(), YearMonth.from(holiday).toString(), seasonOf(holiday.getMonth()),
                        holiday.toString(), holiday.toString(), null);
                return;
            }
            month = holiday == null ? null : YearMonth.from(holiday);
        }
        if (month != null) {
            profile.timing(null, month.toString(), seasonOf(month.getMonth()), month.atDay(1).toString(),
                    month.atEndOfMonth().toString(), null);
            return;
        }
        Matcher in = IN_WEEKS_OR_MONTHS.matcher(text);
        if (in.find() && count(in.group(1)) != null && count(in.group(1)) <= 24) {
            int n = count(in.group(1));
            LocalDate by = in.group(2).startsWith("w") ? today.plusWeeks(n) : today.plusMonths(n);
            profile.timing(null, YearMonth.from(by).toString(), seasonOf(by.getMonth()), today.toString(),
                    by.toString(), null);
            return;
        }
        if (NEXT_MONTH.matcher(text).find()) {
            YearMonth next = YearMonth.from(today).plusMonths(1);
            profile.timing(null, next.toString(), seasonOf(next.getMonth()), next.atDay(1).toString(),
                    next.atEndOfMonth().toString(), null);
            return;
        }
        for (var season : SEASONS) {
            Matcher m = season.getValue().matcher(text);
            if (m.find()) {
                LocalDate[] range = seasonRange(season.getKey(), today, NEXT_YEAR.matcher(text).find());
                profile.timing(null, null, season.getKey(), range[0].toString(), range[1].toString(), null);
                return;
            }
        }
        if (FLEXIBLE.matcher(text).find()) {
            profile.timing(null, null, null, null, null, true);
        }
    }

    private static Integer count(String word) {
        return switch (word) {
            case "ein paar", "a few", "a couple of" -> 3;
            default -> NumberWords.count(word);
        };
    }

    /** The day a holiday occasion names (Silvester: 31 December; Easter Sunday by ICU's calendar), the next one. */
    private static LocalDate holiday(String text, LocalDate today) {
        LocalDate day = null;
        if (NEW_YEARS_EVE.matcher(text).find()) {
            day = LocalDate.of(today.getYear(), 12, 31);
        } else if (CHRISTMAS.matcher(text).find()) {
            day = LocalDate.of(today.getYear(), 12, 24);
            if (day.isBefore(today) && today.getMonthValue() == 12) {
                // the Christmas party in December is this one, even after Christmas Eve
                day = today;
            }
        } else if (NEW_YEAR.matcher(text).find()) {
            day = LocalDate.of(today.getYear() + 1, 1, 1);
        } else if (OKTOBERFEST.matcher(text).find()) {
            day = LocalDate.of(today.getYear(), 9, 20);
        } else if (EASTER.matcher(text).find()) {
            day = easter(today.getYear());
            if (day.isBefore(today)) {
                return easter(today.getYear() + 1);
            }
            return day;
        }
        if (day != null && day.isBefore(today)) {
            day = day.plusYears(1);
        }
        return day;
    }

    private static LocalDate easter(int year) {
        // ICU's holiday rules compute in the default time zone; read the day back in the same zone
        java.time.ZoneId zone = java.time.ZoneId.systemDefault();
        java.util.Date from = java.util.Date.from(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant());
        java.util.Date to = java.util.Date.from(LocalDate.of(year, 12, 31).atStartOfDay(zone).toInstant());
        return com.ibm.icu.util.EasterHoliday.EASTER_SUNDAY.firstBetween(from, to).toInstant().atZone(zone).toLocalDate();
    }

    /** A day: "am 15. Juni", "15.06.2027", "June 15th". The next such day that has not passed. */
    private static LocalDate day(String text, LocalDate today) {
        try {
            Matcher m = DAY_MONTH_NAME.matcher(text);
            if (m.find()) {
                return nextDay(Integer.parseInt(m.group(1)), monthNumber(m.group(2)), m.group(3), today);
            }
            m = MONTH_NAME_DAY.matcher(text);
            if (m.find() && !(m.group(1).equals("may") && MAY_I.matcher(text).find())) {
                return nextDay(Integer.parseInt(m.group(2)), monthNumber(m.group(1)), m.group(3), today);
            }
            m = NUMERIC_DATE.matcher(text);
            while (m.find()) {
                int month = Integer.parseInt(m.group(2));
                if (month >= 1 && month <= 12) {
                    String year = m.group(3) == null ? null : m.group(3).length() == 2 ? "20" + m.group(3) : m.group(3);
                    return nextDay(Integer.parseInt(m.group(1)), month, year, today);
                }
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private static LocalDate nextDay(int day, int month, String year, LocalDate today) {
        if (year != null) {
            return LocalDate.of(Integer.parseInt(year), month, day);
        }
        LocalDate candidate = LocalDate.of(today.getYear(), month, day);
        return candidate.isBefore(today) ? candidate.plusYears(1) : candidate;
    }

    private static int monthNumber(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < 12; i++) {
            if (MONTHS_DE[i].startsWith(n.length() >= 3 ? n.substring(0, 3) : n)
                    || MONTHS_EN[i].startsWith(n.length() >= 3 ? n.substring(0, 3) : n)) {
                return i + 1;
            }
        }
        if (n.startsWith("okt")) return 10;
        if (n.startsWith("dez")) return 12;
        throw new DateTimeException("unknown month " + name);
    }

    /**
     * "im Juni" means the next June that has not passed yet; "Juni 2028" that one. Of several months the last one
     * not ruled out counts: "nicht im Juni, sondern im Juli", "Juni – ach nein, doch lieber Juli".
     */
    private static final List<List<Pattern>> MONTH_WORDS = java.util.stream.IntStream.range(0, 12)
            .mapToObj(i -> List.of(words(MONTHS_DE[i]), words(MONTHS_EN[i]))).toList();
    private static final Pattern MAY_AS_VERB = Pattern.compile("\\bmay (i|we|you|he|she|it|be)\\b");
    private static final Pattern MARCH_AS_VERB = Pattern.compile("\\bmarch(ing)?\\b");
    private static final Pattern MARCH_AS_MONTH = Pattern.compile("\\b(in|this|next|end of|early|late|mid|by) march\\b");

    YearMonth month(String text, LocalDate today) {
        int found = -1;
        int foundAt = -1;
        for (int i = 0; i < 12; i++) {
            for (Pattern name : MONTH_WORDS.get(i)) {
                if (!mayMatch(name, text)) {
                    continue;
                }
                Matcher m = name.matcher(text);
                while (m.find()) {
                    boolean english = name.pattern().contains(MONTHS_EN[i]) && !MONTHS_EN[i].equals(MONTHS_DE[i]);
                    if (english && i == 4 && MAY_AS_VERB.matcher(text).find()) {
                        continue;
                    }
                    if (english && i == 2 && MARCH_AS_VERB.matcher(text).find()
                            && !MARCH_AS_MONTH.matcher(text).find()) {
                        continue;
                    }
                    String before = text.substring(Math.max(0, m.start() - 20), m.start());
                    if (MONTH_NEGATED.matcher(before).find()) {
                        continue;
                    }
                    if (m.start() > foundAt) {
                        found = i;
                        foundAt = m.start();
                    }
                }
            }
        }
        if (found < 0) {
            return null;
        }
        int i = found;
        YearMonth month = YearMonth.of(today.getYear(), i + 1);
        if (month.isBefore(YearMonth.from(today))) {
            month = month.plusYears(1);
        }
        Matcher year = Pattern.compile(MONTHS_DE[i] + "\\s+(20\\d{2})|" + MONTHS_EN[i] + "\\s+(20\\d{2})").matcher(text);
        if (year.find()) {
            String y = year.group(1) != null ? year.group(1) : year.group(2);
            month = YearMonth.of(Integer.parseInt(y), i + 1);
        } else if (NEXT_YEAR.matcher(text).find() && month.getYear() == today.getYear()) {
            month = month.plusYears(1);
        }
        return month;
    }

    String month(String text) {
        YearMonth month = month(text, LocalDate.now(clock));
        return month == null ? null : month.toString();
    }

    /** The words the profile uses, for what a language model may answer (structured output). */
    static java.util.List<String> vocabulary(String field) {
        Map<String, Pattern> words = switch (field) {
            case "occasion" -> OCCASIONS;
            case "style" -> STYLES;
            case "garment" -> GARMENTS;
            case "colour" -> COLOURS;
            case "pattern" -> PATTERNS;
            case "fabric_wish" -> WISHES;
            default -> throw new IllegalArgumentException(field);
        };
        return java.util.List.copyOf(words.keySet());
    }

    static String seasonOf(Month month) {
        return switch (month) {
            case DECEMBER, JANUARY, FEBRUARY -> "winter";
            case MARCH, APRIL, MAY -> "spring";
            case JUNE, JULY, AUGUST -> "summer";
            default -> "autumn";
        };
    }

    /** The next such season (the current one if it is still running): summer is June to August. */
    static LocalDate[] seasonRange(String season, LocalDate today, boolean nextYear) {
        int startMonth = switch (season) {
            case "spring" -> 3;
            case "summer" -> 6;
            case "autumn" -> 9;
            default -> 12;
        };
        LocalDate start = LocalDate.of(today.getYear(), startMonth, 1);
        if (season.equals("winter") && today.getMonthValue() <= 2) {
            start = start.minusYears(1);
        }
        LocalDate end = start.plusMonths(3).minusDays(1);
        if (end.isBefore(today)) {
            start = start.plusYears(1);
            end = start.plusMonths(3).minusDays(1);
        }
        if (nextYear && start.getYear() == today.getYear() && !season.equals("winter")) {
            start = start.plusYears(1);
            end = start.plusMonths(3).minusDays(1);
        }
        return new LocalDate[] {start.isBefore(today) ? today : start, end};
    }

    // --- budget ----------------------------------------------------------------------------------------------

    /** [ceiling, floor]: an amount with a currency, "3k", a range, or after a budget word — never just any number. */
    static Integer[] budget(String text, boolean expectingBudget) {
        String clean = withoutDates(text);
        Matcher range = RANGE.matcher(clean);
        while (range.find()) {
            Integer low = amount(range.group(1), range.group(2));
            Integer high = amount(range.group(3), range.group(4));
            boolean money = range.group(5) != null || MONEY_WORD.matcher(range.group(0)).find()
                    || range.group(2) != null || range.group(4) != null;
            if (low != null && high != null && money && low < high && plausible(high) && low >= 100) {
                return new Integer[] {high, low};
            }
        }
        Matcher m = AMOUNT_WITH_CURRENCY.matcher(clean);
        Integer named = null;
        boolean correcting = CORRECTION.matcher(clean).find();
        while (m.find()) {
            Integer value = m.group(1) != null ? amount(m.group(1), m.group(2)) : amount(m.group(3), m.group(4));
            boolean ruledOut = MONTH_NEGATED.matcher(clean.substring(Math.max(0, m.start() - 20), m.start())).find();
            if (value != null && !ruledOut) {
                named = value;
                if (!correcting) {
                    break;
                }
            }
        }
        if (named != null) {
            // "2000 €, ach nein, doch lieber 2500 €": the last amount said is the one meant
            return new Integer[] {named, null};
        }
        m = THOUSANDS.matcher(clean);
        if (m.find()) {
            double value = Double.parseDouble(m.group(1).replace(',', '.')) * 1000;
            if (plausible((int) value)) {
                return new Integer[] {(int) value, null};
            }
        }
        m = AMOUNT_AFTER_BUDGET.matcher(clean);
        while (m.find()) {
            Integer value = amount(m.group(1), m.group(2));
            if (value != null && plausible(value)) {
                return new Integer[] {value, null};
            }
        }
        m = AMOUNT_BEFORE_BUDGET.matcher(clean);
        while (m.find()) {
            Integer value = amount(m.group(1), null);
            if (value != null && plausible(value)) {
                return new Integer[] {value, null};
            }
        }
        // "termin bitte, smoking, gala im märz, 3000": a number standing alone among the facts
        m = STANDALONE_AMOUNT.matcher(clean);
        boolean listed = LIST_SEPARATOR.matcher(clean).find();
        while (listed && m.find()) {
            Integer value = amount(m.group(1), null);
            if (value != null && value >= 500 && value <= 20_000 && (value < 2020 || value > 2040)) {
                return new Integer[] {value, null};
            }
        }
        if (expectingBudget) {
            m = BARE_AMOUNT.matcher(clean.strip());
            if (m.find()) {
                Integer value = amount(m.group(1), m.group(2));
                if (value != null && plausible(value)) {
                    return new Integer[] {value, null};
                }
            }
        }
        return new Integer[] {null, null};
    }

    static Integer budget(String text) {
        return budget(text, false)[0];
    }

    private static String withoutDates(String text) {
        String t = DAY_MONTH_NAME.matcher(text).replaceAll(" ");
        t = MONTH_NAME_DAY.matcher(t).replaceAll(" ");
        t = NUMERIC_DATE.matcher(t).replaceAll(" ");
        // a year after a month or "im"/"in"/"Jahr" is no amount — but "bis 2000" is
        t = MONTH_YEAR.matcher(t).replaceAll(" ");
        t = YEAR.matcher(t).replaceAll(" ");
        t = COUNTED.matcher(t).replaceAll(" ");
        t = SIZE.matcher(t).replaceAll(" ");
        return t;
    }

    private static boolean plausible(int value) {
        return value >= 300 && value <= 50_000;
    }

    private static Integer amount(String digits, String thousands) {
        if (digits == null) {
            return null;
        }
        if (thousands != null && DECIMAL_THOUSANDS.matcher(digits).matches()) {
            // "1,5k", "2.5 tausend"
            return (int) Math.round(Double.parseDouble(digits.replace(',', '.')) * 1000);
        }
        long value = Long.parseLong(DIGIT_GROUPING.matcher(digits).replaceAll(""));
        if (thousands != null) {
            value *= 1000;
        }
        return value > 0 && value < 1_000_000 ? (int) value : null;
    }

    // --- contact and intent ------------------------------------------------------------------------------------

    private static String email(String message) {
        Matcher m = EMAIL.matcher(message);
        return m.find() ? m.group().toLowerCase(Locale.ROOT) : null;
    }

    /**
     * A name said outright ("mein name ist anna schmidt", "ich heiße …"), introduced ("I'm Anna", "ich bin Anna
     * Schmidt", "Grüße, Anna") or signed at the end ("…, Anna Schmidt"); never a word HENK knows as something else.
     */
    private static String name(String message) {
        String oneLine = EMAIL.matcher(message).replaceAll(" ").strip();
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
        return null;
    }

    private static boolean isName(String candidate) {
        for (String word : WHITESPACE.split(candidate)) {
            String w = word.toLowerCase(Locale.GERMAN);
            if (w.equals("von") || w.equals("van") || w.equals("de")) {
                continue;
            }
            if (NOT_A_NAME.matcher(w).matches() || knownWord(w)) {
                return false;
            }
        }
        return true;
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

    private static String capitalised(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : WHITESPACE.split(name)) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            boolean particle = word.equals("von") || word.equals("van") || word.equals("de");
            out.append(particle || word.isEmpty() ? word
                    : word.substring(0, 1).toUpperCase(Locale.GERMAN) + word.substring(1));
        }
        return out.toString();
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

    private static void intent(String text, Phase expecting, ConversationProfile.Builder profile) {
        boolean declined = found(DECLINED, text)
                || expecting == Phase.CONTACT && NO.matcher(text).find();
        if (declined) {
            profile.intent("declined").wantsAppointment(false).wantsCallback(false);
            return;
        }
        if (found(NOT_A_CUSTOMER, text)) {
            profile.intent("not_a_customer");
            return;
        }
        if (found(BROWSING, text)) {
            profile.intent("browsing");
            return;
        }
        boolean appointment = found(APPOINTMENT, text) && !HOW_LONG_OR_PRICE.matcher(text).find()
                || expecting == Phase.CONTACT && YES.matcher(text).find();
        boolean callback = found(CALLBACK, text);
        if (callback) {
            profile.wantsCallback(true);
        }
        if (appointment) {
            profile.intent("buying").wantsAppointment(true);
        } else if (callback || found(ORDERING, text)) {
            profile.intent("buying");
        } else if (found(INTERESTED, text)) {
            profile.intent("interested");
        }
    }

    /**
     * One of the words, not inside another word. The text it is matched against is lower case already, so a
     * lower-case vocabulary is matched as it is (Unicode case folding at every position made these the costliest
     * part of reading a message); one with a capital letter folds case.
     */
    private static Pattern words(String... alternatives) {
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
    private static boolean found(Pattern pattern, String text) {
        return mayMatch(pattern, text) && pattern.matcher(text).find();
    }

    /** False when the pattern cannot match the (lower-case) text: none of its required plain text is in it. */
    private static boolean mayMatch(Pattern pattern, String text) {
        RequiredLiterals required = REQUIRED.get(pattern);
        return required == null || required.mayMatch(text);
    }
}
