package de.henk.hub.chat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule-based understanding of one customer message (German first, English too). Words are matched as whole
 * words or word stems, never as bare substrings: "maßgeschneidert" is not "Maß(nehmen)".
 */
public class ProfileExtractor {

    private static final Map<String, Pattern> OCCASIONS = Map.of(
            "wedding", words("hochzeit\\w*", "heirat\\w*", "trauung", "standesamt\\w*", "wedding", "bräutigam", "groom"),
            "business", words("business", "büro", "office", "geschäft\\w*", "job", "arbeit", "meeting\\w*", "bewerbung\\w*"),
            "gala", words("gala", "black tie", "smoking", "tuxedo", "ball", "opernball", "oper"),
            "christening", words("taufe", "christening", "baptism"),
            "prom", words("abschlussball", "abiball", "abschlussfeier", "prom", "graduation"),
            "everyday", words("alltag\\w*", "everyday", "casual", "freizeit"));

    private static final List<Map.Entry<String, Pattern>> SEASONS = List.of(
            Map.entry("summer", words("sommer\\w*", "summer")),
            Map.entry("winter", words("winter\\w*")),
            Map.entry("spring", words("frühling\\w*", "frühjahr\\w*", "spring")),
            Map.entry("autumn", words("herbst\\w*", "autumn", "fall")));

    private static final Map<String, Pattern> STYLES = Map.of(
            "classic", words("klassisch\\w*", "classic\\w*", "zeitlos\\w*", "timeless", "traditionell\\w*"),
            "modern", words("modern\\w*", "slim", "schmal\\w*", "tailliert\\w*"),
            "casual", words("lässig\\w*", "leger\\w*", "relaxed", "locker\\w*"),
            "extravagant", words("extravagant\\w*", "auffällig\\w*", "bold", "mutig\\w*"));

    private static final String[] MONTHS_DE = {"januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
            "september", "oktober", "november", "dezember"};
    private static final String[] MONTHS_EN = {"january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december"};

    private static final String NUMBER = "(\\d{1,3}(?:[.\\s']\\d{3})+|\\d+)(?:,(?:\\d{1,2}|-))?\\s*(k|tsd\\.?|tausend)?";
    private static final Pattern AMOUNT_WITH_CURRENCY = Pattern.compile(
            NUMBER + "\\s*(?:€|euro\\b|eur\\b)|(?:€|eur\\b)\\s*" + NUMBER, Pattern.CASE_INSENSITIVE);
    private static final Pattern AMOUNT_AFTER_BUDGET = Pattern.compile(
            "(?:budget|preis|price|ausgeben|spend|kosten)\\D{0,25}?" + NUMBER, Pattern.CASE_INSENSITIVE);

    private static final Pattern GERMAN = words("ich", "und", "für", "eine?", "einen", "der", "die", "das", "ist",
            "im", "mit", "suche", "möchte", "anzug", "hochzeit", "bitte", "danke", "wir", "nicht", "hallo");
    private static final Pattern ENGLISH = words("i", "and", "for", "a", "the", "is", "in", "with", "looking", "suit",
            "wedding", "please", "thanks", "we", "not", "hello", "my", "need");

    private final java.time.Clock clock;

    public ProfileExtractor(java.time.Clock clock) {
        this.clock = clock;
    }

    public ConversationProfile extract(String message) {
        String text = message.toLowerCase(Locale.GERMAN);
        return new ConversationProfile(language(text), first(OCCASIONS, text), month(text), season(text), budget(text),
                first(STYLES, text));
    }

    static String language(String text) {
        long german = GERMAN.matcher(text).results().count();
        long english = ENGLISH.matcher(text).results().count();
        if (german == 0 && english == 0) {
            return null;
        }
        return english > german ? "en" : "de";
    }

    private static String first(Map<String, Pattern> candidates, String text) {
        int best = Integer.MAX_VALUE;
        String found = null;
        for (var entry : candidates.entrySet()) {
            Matcher m = entry.getValue().matcher(text);
            if (m.find() && m.start() < best) {
                best = m.start();
                found = entry.getKey();
            }
        }
        return found;
    }

    private static String season(String text) {
        return SEASONS.stream().filter(s -> s.getValue().matcher(text).find()).map(Map.Entry::getKey).findFirst()
                .orElse(null);
    }

    /** "im Juni" means the next June that has not passed yet. */
    String month(String text) {
        for (int i = 0; i < 12; i++) {
            if (words(MONTHS_DE[i]).matcher(text).find() || words(MONTHS_EN[i]).matcher(text).find()
                    && !(i == 4 && text.matches(".*\\bmay (i|we)\\b.*"))) {
                LocalDate today = LocalDate.now(clock);
                YearMonth month = YearMonth.of(today.getYear(), i + 1);
                if (month.isBefore(YearMonth.from(today))) {
                    month = month.plusYears(1);
                }
                Matcher year = Pattern.compile(MONTHS_DE[i] + "\\s+(20\\d{2})|" + MONTHS_EN[i] + "\\s+(20\\d{2})")
                        .matcher(text);
                if (year.find()) {
                    String y = year.group(1) != null ? year.group(1) : year.group(2);
                    month = YearMonth.of(Integer.parseInt(y), i + 1);
                }
                return month.toString();
            }
        }
        return null;
    }

    /** A budget is an amount with a currency or right after a budget word — never just the first number. */
    static Integer budget(String text) {
        Matcher m = AMOUNT_WITH_CURRENCY.matcher(text);
        if (m.find()) {
            return m.group(1) != null ? amount(m.group(1), m.group(2)) : amount(m.group(3), m.group(4));
        }
        m = AMOUNT_AFTER_BUDGET.matcher(text);
        if (m.find()) {
            return amount(m.group(1), m.group(2));
        }
        return null;
    }

    private static Integer amount(String digits, String thousands) {
        long value = Long.parseLong(digits.replaceAll("[.\\s']", ""));
        if (thousands != null) {
            value *= 1000;
        }
        return value > 0 && value < 1_000_000 ? (int) value : null;
    }

    private static Pattern words(String... alternatives) {
        return Pattern.compile("(?<![\\p{L}\\d])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\d])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
