package de.henk.hub.chat;

import java.lang.invoke.MethodHandles;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Locale;
import de.henk.hub.crm.PhoneNumbers;

/**
 * Rule-based understanding of one customer message (German first, English too). Words are matched as whole
 * words or word stems, never as bare substrings: "maßgeschneidert" is not "Maß(nehmen)". What HENK just asked
 * ({@code expecting}) lets a bare answer count: "2000" after the budget question is a budget, "nein" after the
 * appointment question a no. Phone numbers are found with Google's libphonenumber ({@link PhoneNumbers#find}, in
 * the region of {@code henk.crm.phone-country-code}); numbers written as words ("zweitausend", "two thousand")
 * are read with ICU's spell-out rules ({@link NumberWords}) before the budget and date rules see the message.
 * Each family of facts has its rules in a class of its own ({@link LanguageRules}, {@link Vocabulary},
 * {@link TimingRules}, {@link BudgetRules}, {@link WishRules}, {@link ContactRules}, {@link IntentRules}); this
 * class reads them in that order.
 */
public class ProfileExtractor {

    /** {@link Vocabulary#MATERIALS}. */
    static final List<String> MATERIALS = Vocabulary.MATERIALS;

    static {
        // The rules compile their patterns as their classes load, and WordPatterns records each one's required text
        // in one table: loading them all here, on the one thread that loads this class (others wait for it), fills
        // that table before any message is read, and it is never written while one is
        for (Class<?> rules : List.of(WordPatterns.class, Umlauts.class, Vocabulary.class, DateRules.class, HolidayRules.class,
                TimingRules.class, BudgetRules.class, BudgetShare.class, Negation.class, WishRules.class,
                ContactRules.class, IntentRules.class, LanguageRules.class, WhoseDate.class)) {
            try {
                MethodHandles.lookup().ensureInitialized(rules);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

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
        // season, "0170 1234567" no budget); numbers written as words are read as digits ("zweitausend" → 2000),
        // German typed without umlauts as written with them ("naechste" → "nächste", Umlauts)
        String withoutEmails = ContactRules.withoutEmails(message);
        List<PhoneNumbers.Found> phones = phoneNumbers.find(withoutEmails);
        StringBuilder rest = new StringBuilder(withoutEmails);
        for (int i = phones.size() - 1; i >= 0; i--) {
            rest.replace(phones.get(i).start(), phones.get(i).end(), " ");
        }
        String text = NumberWords.digits(Umlauts.restore(rest.toString().toLowerCase(Locale.GERMAN).replace('’', '\'')));
        ConversationProfile.Builder profile = ConversationProfile.builder()
                .language(expecting == null ? LanguageRules.language(text) : LanguageRules.switchedTo(text))
                .occasion(Vocabulary.firstNotNegated(Vocabulary.OCCASIONS, text))
                .garment(garment(text));
        TimingRules.timing(text, LocalDate.now(clock), expecting == Phase.TIMING, profile);
        // a total for several garments is each one's share ("4000 für zwei Anzüge": 2000 each)
        Integer[] budget = BudgetShare.perGarment(text, BudgetRules.budget(text, expecting == Phase.BUDGET));
        profile.budget(budget[0], budget[1]).quantity(budget[2]).garmentCount(BudgetShare.garmentsWanted(text));
        if (budget[0] == null && OpenBudgetRules.open(text, expecting == Phase.BUDGET)) {
            profile.openBudget(true);
        }
        String name = ContactRules.name(message);
        // the name is no wish: "Lukas Weiß", "Mark Brown" want no white or brown cloth
        WishRules.read(name == null ? text : withoutName(text, name), profile);
        profile.contact(name, ContactRules.email(message), phones.isEmpty() ? null : phones.get(0).written());
        IntentRules.intent(text, expecting, profile);
        return profile.build();
    }

    /**
     * The garment the message asks for — but a part asked about on top ("Was kostet die Weste extra?", "how much
     * would a waistcoat add?", "eine zweite Hose dazu") is a question about the order, not a new garment: the
     * three-piece stayed a waistcoat priced like a suit.
     */
    private static String garment(String text) {
        String garment = Vocabulary.firstNotNegated(Vocabulary.GARMENTS, text);
        if (garment != null && WITH_A_SUIT.contains(garment) && suitToo(text)) {
            // "Anzug und Sakko", "a suit and a jacket": the suit is the order, the other one comes with it
            return "suit";
        }
        boolean onTop = garment != null && ADD_ON_PARTS.contains(garment) && WordPatterns.found(ADD_ON, text);
        return onTop ? null : garment;
    }

    /**
     * A suit named besides the garment found — not one the garment is to go with ("ein Sakko zum Anzug", "a shirt
     * for my suit", "einen Mantel über dem Anzug"), not one ruled out ("kein Anzug, nur ein Sakko") and not those the
     * customer has ("ich habe schon zwei Anzüge, jetzt brauche ich ein Sakko").
     */
    private static boolean suitToo(String text) {
        java.util.regex.Matcher m = Vocabulary.GARMENTS.get("suit").matcher(text);
        while (m.find()) {
            String before = text.substring(Math.max(0, m.start() - 30), m.start());
            if (!Negation.rightBefore(text, m.start()) && !GOES_WITH.matcher(before).find()
                    && !BudgetShare.OWNED.matcher(before).find()) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.Set<String> WITH_A_SUIT = java.util.Set.of("jacket", "coat", "trousers", "vest", "shirt");
    private static final java.util.regex.Pattern GOES_WITH = java.util.regex.Pattern.compile("(?<!\\p{L})(?:zum|(?:passend )?"
            + "zu (?:meinem|dem|einem|ihrem|deinem)|(?:über|unter) (?:den|dem|meinen|meinem|einen|einem)|für (?:meinen|"
            + "meine|den)|to go with (?:my|the|a)|to wear with (?:my|the|a)|(?:for|over|under|with) my|(?:over|under) "
            + "(?:the|a)|match(?:es|ing)? (?:my|the|a))\\s+(?:\\p{L}+\\s+)?$");

    private static final java.util.Set<String> ADD_ON_PARTS = java.util.Set.of("vest", "trousers");
    private static final java.util.regex.Pattern ADD_ON = WordPatterns.words("extra", "dazu", "zusätzlich\\p{L}*",
            "aufpreis", "add", "adds", "additional", "on top", "zweite[nr]?", "second", "another", "spare",
            "ersatz\\p{L}*", "dazubuchen", "mitbestellen");

    private static String withoutName(String text, String name) {
        String written = Umlauts.restore(name.toLowerCase(Locale.GERMAN));
        return text.replace(written, " ".repeat(written.length()));
    }

    // what other classes (and tests) ask of the rules by this class's name; the rules say what each one means

    static String language(String text) {
        return LanguageRules.language(text);
    }

    static List<String> vocabulary(String field) {
        return Vocabulary.vocabulary(field);
    }

    static String seasonOf(Month month) {
        return TimingRules.seasonOf(month);
    }

    static LocalDate[] seasonRange(String season, LocalDate today, boolean nextYear) {
        return TimingRules.seasonRange(season, today, nextYear);
    }
}
