package de.henk.hub.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import de.henk.hub.handoff.PersonRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Bad input never fails a turn: every message is read or ignored. Generated messages (fixed seeds, so a failure
 * reproduces: the report names the seed, the message's number and the message itself, escaped) go through every
 * entry point that reads a customer's text — {@link ProfileExtractor#extract} after every question HENK can have
 * asked and none, {@link SlotWish#read}, {@link NumberWords}, {@link PersonRequest#in}, {@link ShopKnowledge} and
 * the {@link OfflineConcierge}'s reply to what was read — and what comes back must be sane: budgets an amount the
 * rules can name, dates in this century, appointment days from today to a year ahead. The messages mix real
 * customer phrases (the dialogue scripts', this package's tests') with numbers of every length and grouping, dates
 * and times out of range, Unicode digits and letters that fold to ASCII ones, regex-hostile text, markup, control
 * characters and very long words, up to the chat's 2000 characters. What it found is kept by name where it was
 * fixed: {@link SlotWishTest} (letters that fold to a weekday), {@link ProfileExtractorTest} (runs of number words,
 * negative counts, a thousandfold zero, overlong names and addresses) and {@link ChatOverHttpTest} (the turn answers).
 */
class MessageReadingNeverFailsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.now(CLOCK);
    private static final int MESSAGES_PER_SEED = 500;
    private static final int MAX_CODE_POINTS = 2000;
    /** One reading of one message, generous for a busy build machine: a turn must not hang on it. */
    private static final long SLOW_MILLIS = 3000;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static final ProfileExtractor EXTRACTOR = new ProfileExtractor(CLOCK);
    private static final ShopKnowledge KNOWLEDGE = new ShopKnowledge();
    private static final OfflineConcierge CONCIERGE = new OfflineConcierge();
    private static final List<String> FRAGMENTS = fragments();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 20261125L, 0xC0FFEEL})
    void generatedMessagesAreReadOrIgnored(long seed) {
        Messages messages = new Messages(new Random(seed));
        List<String> failures = new ArrayList<>();
        String[] reading = {""};
        // a message that hangs the reading fails the test instead of the build
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            for (int i = 0; i < MESSAGES_PER_SEED && failures.size() < 25; i++) {
                String message = messages.next();
                reading[0] = "#" + i + " \"" + escaped(shortened(message)) + "\"";
                // after no question, the two the rules answer differently (a bare "2000", a bare "ja") and one more in
                // turn: every phase dozens of times a seed, in under half the time of all nine for every message
                Phase another = Phase.values()[i % Phase.values().length];
                String failure = readEverywhere(message, Arrays.asList(null, Phase.BUDGET, Phase.CONTACT, another));
                if (failure != null) {
                    // the whole message on the test's output, enough of it in the failure to recognise it
                    System.out.println("seed " + seed + " #" + i + ": " + failure + "\n\"" + escaped(message) + "\"");
                    failures.add("seed " + seed + " #" + i + " (" + message.length() + " chars): " + failure + " — \""
                            + escaped(shortened(message)) + "\"");
                }
            }
        }, () -> "seed " + seed + " hangs reading " + reading[0] + " after " + failures);
        assertThat(failures).isEmpty();
    }

    /** The first thing that went wrong reading the message anywhere, or null. */
    private static String readEverywhere(String message, List<Phase> expectingEach) {
        Step step = new Step();
        try {
            ConversationProfile first = null;
            for (Phase expecting : expectingEach) {
                step.start("ProfileExtractor.extract(" + expecting + ")");
                ConversationProfile profile = EXTRACTOR.extract(message, expecting);
                step.done();
                String insane = insane(profile);
                if (insane != null) {
                    return step + ": " + insane;
                }
                if (first == null) {
                    first = profile;
                }
            }
            step.start("SlotWish.read");
            SlotWish wish = SlotWish.read(message, TODAY);
            step.done();
            if (wish.date() != null && (wish.date().isBefore(TODAY) || wish.date().isAfter(TODAY.plusYears(1)))) {
                return step + ": day " + wish.date() + " is not from today to a year ahead";
            }
            String lower = message.toLowerCase(Locale.GERMAN);
            step.start("NumberWords.digits");
            assertThat(NumberWords.digits(lower)).isNotNull();
            step.done();
            // the first word, and the one after "in" as "in drei Wochen" has it (ICU reads each: a few, not all)
            String[] words = WHITESPACE.split(lower.strip());
            int in = Arrays.asList(words).indexOf("in");
            List<String> counted = in >= 0 && in + 1 < words.length ? List.of(words[0], words[in + 1])
                    : List.of(words[0]);
            for (String word : counted) {
                step.start("NumberWords.count(\"" + escaped(word) + "\")");
                NumberWords.count(word);
                step.done();
            }
            step.start("NumberWords.parse");
            NumberWords.parse(lower, lower.length() % 2 == 0);
            step.done();
            step.start("PersonRequest.in");
            PersonRequest.in(message);
            step.done();
            step.start("ShopKnowledge");
            List<ShopKnowledge.Entry> facts = KNOWLEDGE.answering(message);
            List<ShopKnowledge.Entry> smalltalk = KNOWLEDGE.smalltalk(message);
            step.done();
            step.start("OfflineConcierge.reply");
            ConversationState state = ConversationState.initial();
            Turn turn = new Turn(message, ConversationProfile.empty(), first, first, null, Phase.next(first, state),
                    state, facts, smalltalk, List.of(), LeadStatus.none(), false, null, null, ChatFixture.PRICES);
            assertThat(CONCIERGE.reply(turn)).isNotBlank();
            step.done();
            return null;
        } catch (Slow e) {
            return step + ": " + e.getMessage();
        } catch (Throwable e) {
            return step + " threw " + e + " at " + where(e);
        }
    }

    /** Which entry point is reading the message, and since when: one that takes seconds hangs the customer's turn. */
    private static final class Step {
        private String name = "";
        private long started;

        void start(String step) {
            name = step;
            started = System.nanoTime();
        }

        void done() {
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (millis > SLOW_MILLIS) {
                throw new Slow("took " + millis + " ms");
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final class Slow extends RuntimeException {
        Slow(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * What is absurd in a reading: an amount the rules never name, a date outside this century, a range upside down,
     * contact data longer than the CRM keeps.
     */
    private static String insane(ConversationProfile p) {
        Integer budget = p.budgetEur();
        Integer floor = p.budgetMinEur();
        if (budget != null && (budget <= 0 || budget >= 1_000_000)) {
            return "budget " + budget;
        }
        if (floor != null && (budget == null || floor < 100 || floor >= budget)) {
            return "budget from " + floor + " to " + budget;
        }
        for (String day : new String[] {p.eventDate(), p.dateFrom(), p.dateTo()}) {
            if (day != null && (LocalDate.parse(day).getYear() < 2000 || LocalDate.parse(day).getYear() > 2099)) {
                return "day " + day;
            }
        }
        // what the CRM keeps of a lead's contact (crm_lead: name 200, email 254, phone 40 characters)
        if (p.name() != null && p.name().length() > 200 || p.email() != null && p.email().length() > 254
                || p.phone() != null && p.phone().length() > 40) {
            return "contact " + p.name() + " " + p.email() + " " + p.phone() + " longer than the CRM keeps";
        }
        if (p.eventMonth() != null && YearMonth.parse(p.eventMonth()).getYear() > 2099) {
            return "month " + p.eventMonth();
        }
        if (p.dateFrom() != null && p.dateTo() != null
                && LocalDate.parse(p.dateTo()).isBefore(LocalDate.parse(p.dateFrom()))) {
            return "from " + p.dateFrom() + " to " + p.dateTo();
        }
        return null;
    }

    private static String shortened(String message) {
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    private static String where(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("de.henk.hub") && !frame.getClassName().endsWith("NeverFailsTest")) {
                return frame.toString();
            }
        }
        return e.getStackTrace().length == 0 ? "?" : e.getStackTrace()[0].toString();
    }

    /** The message as a Java string literal's content: anything but printable ASCII as an escape. */
    static String escaped(String message) {
        StringBuilder out = new StringBuilder();
        for (char c : message.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    /** The customers' own phrases: every line of the dialogue scripts, and the messages of this package's tests. */
    private static List<String> fragments() {
        List<String> all = new ArrayList<>(List.of(
                // ProfileExtractorTest
                "Budget ist ca. 2500 Euro, Hochzeit im Juni", "Ich kann 2.500 € ausgeben", "so um die 3k EUR",
                "Mein Budget: 1800", "€ 1.950,- wäre gut", "Am 15. Juni heiraten wir, 2 Trauzeugen",
                "Größe 52, Termin um 14 Uhr", "bis 3k", "zwischen 1500 und 2000", "between 1,500 and 2,000 euros",
                "around €2,500", "1.500 bis 2.000 €", "maximal 1400 Euro", "höchstens 2.2k",
                "am 15.06. um 14 Uhr, 120 Gäste", "so 1.800", "Gern in Blau – aber bloß kein Schwarz!",
                "Mein Name ist Anna Schmidt, anna@example.com, Tel. +49 170 1234567, ich möchte einen Dreiteiler",
                "Smoking für den Opernball", "leicht, Leinen und knitterarm bitte", "wedding in May 2028",
                "Ich möchte einen maßgeschneiderten Anzug", "I need a suit for my wedding in summer",
                "Ein Anzug fürs Büro", "schon im Dezember", "in 99999999999 Wochen", "am 99.99.", "Juni 99999999999",
                // SlotWishTest
                "Geht es morgen um 10 Uhr?", "übermorgen vormittags", "Haben Sie am Dienstag nachmittags Zeit?",
                "nächsten Donnerstag um halb 3", "Am 3.12. um 14:30 zur Anprobe", "am 2. Dezember gegen 11",
                "Termin am 12.1.2027 um 9.45 Uhr", "zur zweiten Anprobe nach Feierabend",
                "Ich möchte den Anzug abholen, Freitag", "Could I come in on Tuesday at 2pm?",
                "December 4th in the afternoon for a consultation", "tomorrow morning", "am 31.2. geht nicht",
                "Ich komme um 3", "Beratung, bitte",
                // PersonRequestTest
                "Kann ich bitte mit einem Mitarbeiter sprechen?", "Verbinden Sie mich bitte mit jemandem aus dem Team",
                "Mensch bitte!", "I want a real person", "Sind Sie ein Mensch?",
                // numbers as words
                "zweitausend Euro", "fünfzehnhundert", "two thousand five hundred", "zweieinhalbtausend",
                "anderthalbtausend", "two and a half thousand", "twenty five hundred", "in drei Monaten",
                "in sechs Wochen", "in two months"));
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/dialogues"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode say : yaml.readTree(file.toFile()).findValues("say")) {
                    all.add(say.asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(all);
    }

    /** The generated messages of one seed. */
    private static final class Messages {

        private static final String[] SEPARATORS = {" ", " ", " ", ", ", "; ", ". ", "\n", " – ", " - ", "", "!!! ",
                "...", " / ", "\t", "\r\n", "?"};
        private static final String[] CURRENCIES = {"€", "EUR", "eur", "Euro", "euro", "euros", "€ ", " €", " EUR",
                " Euro"};
        private static final String[] THOUSANDS = {"k", " k", "K", "tsd", "tsd.", " Tsd.", "tausend", " tausend"};
        private static final String[] GROUPING = {".", ",", "'", " ", "\u00a0", "\u202f", "..", ", "};
        private static final String[] MONTHS = {"Januar", "Februar", "März", "Mai", "Juni", "Juli", "Oktober",
                "Dezember", "January", "March", "May", "June", "July", "September", "Sept", "Okt", "dec", "jan"};
        private static final String[] WEEKDAYS = {"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag",
                "Samstag", "Sonntag", "Sonnabend", "monday", "tuesday", "wednesday", "thursday", "friday",
                "saturday", "sunday"};
        private static final String[] PREFIXES = {"am ", "im ", "bis ", "Budget ", "max ", "um ", "gegen ",
                "in ", "ca. ", "zwischen ", "from ", "up to ", "around ", "at ", "halb ", "größe ", "nr. ", "option ",
                "Tel. ", "+", "00", "0", "-", "−", "minus ", "(", "#", ""};
        private static final String[] SUFFIXES = {" Uhr", "uhr", " Wochen", " weeks", " Monaten", " months",
                " Jahre", " Gäste", "%", " cm", "pm", " am", "a.m.", "st", "nd", "rd", "th", ".", ",-", ",--",
                " tops", " max", " wäre meine Grenze", " budget", ")", ""};
        private static final String[] NUMBER_WORDS_DE = {"ein", "eins", "eine", "zwei", "zwo", "drei", "vier", "fünf",
                "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "zwanzig", "dreißig", "neunzig", "hundert",
                "tausend", "und", "einhalb", "anderthalb", "null", "million", "milliarden", "komma", "ſechs",
                "fünfzıg"};
        private static final String[] NUMBER_WORDS_EN = {"one", "two", "three", "five", "nine", "ten", "eleven",
                "twelve", "nineteen", "twenty", "ninety", "hundred", "thousand", "a", "and", "half", "zero", "million",
                "billion", "point", "ſeven"};
        private static final String[] HOSTILE = {"\\", "\\\\", "$1", "$", "${x}", "\\1", "\\Q", "\\E", "(?i)",
                "(?", "[", "]", "[^", "(", ")", "{", "}", "{1,", "*", "+", "?", "|", "^", ".*", "\\p{L}", "\\u0000",
                "'; DROP TABLE chat_sessions; --", "\" OR 1=1 --", "1' OR '1'='1", "<script>alert(1)</script>",
                "<b>Budget</b> 2000", "&lt;&amp;&gt;", "<!--", "]]>", "%s %d %n", "{{7*7}}", "#{1+1}",
                "{month:6}", "null", "NaN", "Infinity", "-Infinity", "1e309", "0x1F", "1_000", "١٬٠٠٠"};
        private static final String[] UNICODE = {"😊", "🙈", "👍🏽", "🇩🇪", "👨‍👩‍👧", "\u200d", "\u200b", "\u200e",
                "\u200f", "\u202e", "\u2066", "\ufeff", "\ufffd", "\u00ad", "\u0301", "e\u0301", "a\u0308",
                "\u0336", "ß", "ẞ", "ſ", "ı", "İ", "\u212a", "\u212b", "ﬀ", "ﬁ", "Ǆ", "ǅ", "Σ", "ς", "ΐ",
                "שלום", "مرحبا", "بدي بدلة ٢٥٠٠ يورو", "你好", "２５００", "２５００€", "２０００ Euro", "٢٥٠٠",
                "۲۵۰۰", "२५००", "²", "³", "¹²", "½", "¼", "Ⅻ", "①", "𝟐𝟓𝟎𝟎", "\ud835\udfce", "\ud83d",
                "\ude00", "\udbff\udfff", "\u0000", "\u0007", "\u001b[31m", "\u0085", "\u2028", "\u2029",
                "\u00a0", "\u3000", "－", "‐", "–", "—", "’", "‘", "“", "„", "«", "»", "…", "·", "•", "№", "€€€",
                "₤", "$", "£", "¥", "\u0660", "\u06f0", "\uff10", "\uff19", "\u0966"};
        private static final char[][] DIGIT_SETS = {
                "０１２３４５６７８９".toCharArray(), "٠١٢٣٤٥٦٧٨٩".toCharArray(), "۰۱۲۳۴۵۶۷۸۹".toCharArray(),
                "०१२३४५६७८९".toCharArray(), "⁰¹²³⁴⁵⁶⁷⁸⁹".toCharArray(), "₀₁₂₃₄₅₆₇₈₉".toCharArray(),
                "০১২৩৪৫৬৭৮৯".toCharArray(), "๐๑๒๓๔๕๖๗๘๙".toCharArray()};

        private final Random random;

        Messages(Random random) {
            this.random = random;
        }

        String next() {
            int kind = random.nextInt(100);
            if (kind < 3) {
                return pick(new String[] {"", " ", "\n", "\t \r\n", "\u00a0", "\u3000", "\u200b", ".", "?", "-", "€",
                        "0", "00000", ",", "'"});
            }
            if (kind < 6) {
                return longText();
            }
            StringBuilder message = new StringBuilder();
            int pieces = 1 + random.nextInt(6);
            for (int i = 0; i < pieces; i++) {
                if (i > 0) {
                    message.append(pick(SEPARATORS));
                }
                message.append(piece());
            }
            String text = random.nextInt(8) == 0 ? mutated(message.toString()) : message.toString();
            return atMost(text, MAX_CODE_POINTS);
        }

        private String piece() {
            return switch (random.nextInt(14)) {
                case 0, 1, 2 -> pick(FRAGMENTS);
                case 3 -> mutated(pick(FRAGMENTS));
                case 4, 5 -> amount();
                case 6 -> date();
                case 7 -> time();
                case 8 -> pick(UNICODE);
                case 9 -> pick(HOSTILE);
                case 10 -> pick(PREFIXES) + number() + pick(SUFFIXES);
                case 11 -> numberWords();
                case 12 -> contact();
                default -> random.nextBoolean() ? longWord() : pick(SEPARATORS).repeat(1 + random.nextInt(50));
            };
        }

        /** 1 to 40 digits, grouped or not, maybe with leading zeros, a sign, decimals, "k" or a currency. */
        private String number() {
            if (random.nextInt(12) == 0) {
                return pick(new String[] {"0", "00", "0,0", "0.0", "000", "0,00", "-0", "0.000", "0'000"});
            }
            int length = 1 + random.nextInt(random.nextInt(4) == 0 ? 40 : 7);
            StringBuilder digits = new StringBuilder();
            for (int i = 0; i < length; i++) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextInt(6) == 0) {
                digits.insert(0, "0".repeat(1 + random.nextInt(5)));
            }
            String number = digits.toString();
            if (random.nextInt(3) == 0 && number.length() > 3) {
                String separator = pick(GROUPING);
                StringBuilder grouped = new StringBuilder();
                int head = number.length() % 3 == 0 ? 3 : number.length() % 3;
                grouped.append(number, 0, head);
                for (int i = head; i < number.length(); i += 3) {
                    grouped.append(separator).append(number, i, i + 3);
                }
                number = grouped.toString();
            }
            if (random.nextInt(5) == 0) {
                number += pick(new String[] {",", "."}) + pick(new String[] {"5", "50", "-", "--", "99999", "0"});
            }
            if (random.nextInt(8) == 0) {
                number = pick(new String[] {"-", "−", "+", "–"}) + number;
            }
            if (random.nextInt(10) == 0) {
                number = inOtherDigits(number);
            }
            return number;
        }

        private String amount() {
            String number = number();
            return switch (random.nextInt(6)) {
                case 0 -> number + pick(THOUSANDS);
                case 1 -> number + pick(CURRENCIES);
                case 2 -> pick(CURRENCIES) + number;
                case 3 -> number + pick(THOUSANDS) + " " + pick(CURRENCIES);
                case 4 -> pick(new String[] {"zwischen ", "between ", "von ", "from ", ""}) + number
                        + pick(new String[] {" und ", " and ", " bis ", " to ", "-", "–", " - "}) + number()
                        + pick(CURRENCIES);
                default -> pick(PREFIXES) + number;
            };
        }

        /** Numbers in words, sensible or not: "zweitausendfünfhundert", "in minus-drei wochen", "two and a half k". */
        private String numberWords() {
            String[] parts = random.nextInt(3) > 0 ? NUMBER_WORDS_DE : NUMBER_WORDS_EN;
            StringBuilder words = new StringBuilder(
                    random.nextInt(3) == 0 ? pick(new String[] {"minus-", "minus", "minus ", "-"}) : "");
            for (int i = 0, n = random.nextBoolean() ? 1 : 1 + random.nextInt(random.nextInt(4) == 0 ? 12 : 3); i < n;
                 i++) {
                words.append(i == 0 ? "" : pick(new String[] {"", "", " ", "-"})).append(pick(parts));
            }
            return switch (random.nextInt(3)) {
                case 0 -> "in " + words + pick(new String[] {" wochen", " Monaten", " weeks", " months"});
                case 1 -> words + pick(CURRENCIES);
                default -> words + pick(new String[] {"", " k", " tausend", " Uhr", ". Juni"});
            };
        }

        /** A name, an address or a phone number, of any length: "Mein Name ist Aaaa…", "x@a.b.c…", "+49 170 …". */
        private String contact() {
            return switch (random.nextInt(3)) {
                case 0 -> pick(new String[] {"Mein Name ist ", "ich heiße ", "Grüße, ", "my name is ", "I'm ",
                        "ich bin ", "name: ", "LG "}) + pick(new String[] {"A", "Z", "É", "Ǆ", "𝐀", "ẞ", ""})
                        + longWord() + (random.nextBoolean() ? "" : " " + pick(new String[] {"von ", "de ", ""})
                        + "S" + longWord());
                case 1 -> longWord() + "@" + (longWord() + ".").repeat(1 + random.nextInt(40))
                        + pick(new String[] {"de", "com", "x", "ä"});
                default -> pick(new String[] {"+", "00", "0", "(0", "+49 ", "0049"})
                        + number() + pick(new String[] {" ", "/", "-", "(", ")", "."}) + number();
            };
        }

        /** A day, often out of range: "31.02.", "99.99.2027", "am 0. Juni", "June 32nd", year 0000 or 9999. */
        private String date() {
            String day = dayOrMonthNumber(40);
            String month = dayOrMonthNumber(15);
            String year = pick(new String[] {"", "2026", "2027", "0000", "9999", "99", "00", "1999", "2100", "20",
                    "202", "20271", "٢٠٢٧", "２０２７"});
            return switch (random.nextInt(7)) {
                case 0 -> day + "." + month + "." + year;
                case 1 -> "am " + day + ". " + pick(MONTHS) + (year.isEmpty() ? "" : " " + year);
                case 2 -> pick(MONTHS) + " " + day + pick(new String[] {"st", "nd", "rd", "th", ""})
                        + (year.isEmpty() ? "" : ", " + year);
                case 3 -> pick(new String[] {"nächsten ", "kommenden ", "next ", "this ", "am ", ""}) + pick(WEEKDAYS);
                case 4 -> day + "/" + month + "/" + year;
                case 5 -> "im " + pick(MONTHS) + " " + year;
                default -> inOtherDigits(day + "." + month + ".");
            };
        }

        private String dayOrMonthNumber(int below) {
            int value = random.nextInt(4) == 0 ? random.nextInt(1000) : random.nextInt(below);
            String text = Integer.toString(value);
            return random.nextInt(5) == 0 ? "0" + text : text;
        }

        /** A time, often out of range: "25:61 Uhr", "13pm", "halb 99". */
        private String time() {
            String hour = Integer.toString(random.nextInt(4) == 0 ? random.nextInt(1000) : random.nextInt(30));
            String minute = String.format("%02d", random.nextInt(100));
            return switch (random.nextInt(6)) {
                case 0 -> hour + ":" + minute + pick(new String[] {" Uhr", "", "h", " am", " pm"});
                case 1 -> "um " + hour + pick(new String[] {" Uhr", "", " uhr"});
                case 2 -> hour + pick(new String[] {"pm", "am", " p.m.", " a.m."});
                case 3 -> "halb " + hour;
                case 4 -> hour + "." + minute + " Uhr";
                default -> inOtherDigits(hour + ":" + minute);
            };
        }

        private String longWord() {
            String unit = pick(new String[] {"a", "ä", "zwei", "tausend", "1", "9", "x@", "€", "kein", "blau",
                    "ſ", "😊", "e\u0301", "ab", "-", "hundert"});
            return unit.repeat(1 + random.nextInt(random.nextBoolean() ? 60 : 600));
        }

        /** A long message, up to the chat's limit: a phrase or number repeated, or random characters. */
        private String longText() {
            String text = switch (random.nextInt(3)) {
                case 0 -> (pick(FRAGMENTS) + pick(SEPARATORS)).repeat(50);
                case 1 -> (number() + pick(SEPARATORS)).repeat(400);
                default -> {
                    StringBuilder chars = new StringBuilder();
                    for (int i = 0; i < MAX_CODE_POINTS; i++) {
                        chars.appendCodePoint(
                                random.nextInt(4) == 0 ? random.nextInt(0x3000) : 0x20 + random.nextInt(0x5f));
                    }
                    yield chars.toString();
                }
            };
            return atMost(text, MAX_CODE_POINTS);
        }

        /** The text with digits in another script, letters folding to ASCII ones ("ſ", "ı"), case or marks changed. */
        private String mutated(String text) {
            return switch (random.nextInt(7)) {
                case 0 -> inOtherDigits(text);
                case 1 -> text.replace('s', 'ſ');
                case 2 -> text.replace('i', 'ı');
                case 3 -> text.toUpperCase(java.util.Locale.ROOT);
                case 4 -> text.replace("e", "e\u0301").replace("a", "a\u0308");
                case 5 -> text.replace(' ', pick(new char[] {'\u00a0', '\u3000', '\t', '\u2009', '\u200b'}));
                default -> {
                    StringBuilder out = new StringBuilder(text);
                    for (int i = 0; i < 3 && out.length() > 0; i++) {
                        out.insert(random.nextInt(out.length() + 1), pick(UNICODE));
                    }
                    yield out.toString();
                }
            };
        }

        private String inOtherDigits(String text) {
            char[] digits = DIGIT_SETS[random.nextInt(DIGIT_SETS.length)];
            StringBuilder out = new StringBuilder();
            for (char c : text.toCharArray()) {
                out.append(c >= '0' && c <= '9' ? digits[c - '0'] : c);
            }
            return out.toString();
        }

        private String atMost(String text, int codePoints) {
            return text.codePointCount(0, text.length()) <= codePoints ? text
                    : text.substring(0, text.offsetByCodePoints(0, codePoints));
        }

        private String pick(String[] values) {
            return values[random.nextInt(values.length)];
        }

        private String pick(List<String> values) {
            return values.get(random.nextInt(values.size()));
        }

        private char pick(char[] values) {
            return values[random.nextInt(values.length)];
        }
    }
}
