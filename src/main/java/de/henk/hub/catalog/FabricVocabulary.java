package de.henk.hub.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the words of tailoring mean, German and English: fibres, weaves, patterns and the concepts a customer's
 * request is read into ("Hochzeit" → occasion wedding, "leicht" → a light cloth, "knitterarm" → Fresco, Hopsack
 * or high-twist yarn). The catalogue's weave and pattern names must appear here; the catalogue check says so.
 */
final class FabricVocabulary {

    enum Kind { SEASON, OCCASION, STYLE, GARMENT, FIBRE, WEAVE, PATTERN, COLOUR, WEIGHT, TRAIT }

    /**
     * Something a request can mean. {@code values} are the index terms it looks for (a season id, a fibre key,
     * pattern keys, colour names or {@code family:<name>}); {@code words} are what customers say for it.
     */
    record Concept(Kind kind, String id, String label, Set<String> values, List<String> words) { }

    record Fibre(String key, String label, String english, Pattern inComposition) { }

    record Weave(String name, String key, String english) { }

    record PatternName(String name, String key, String english) { }

    static final String LIGHT = "light";
    static final String HEAVY = "heavy";
    static final String CREASE_RESISTANT = "crease-resistant";
    static final String FAMILY = "family:";

    /** A cloth at most this heavy counts as light, one at least {@link #HEAVY_FROM} as heavy (g/m). */
    static final int LIGHT_UP_TO = 290;
    static final int HEAVY_FROM = 340;

    private static final List<Fibre> FIBRES = List.of(
            fibre("linen", "Leinen", "linen", "leinen"),
            fibre("cotton", "Baumwolle", "cotton", "baumwolle"),
            fibre("wool", "Wolle", "wool worsted", "(?<!baum)wolle"),
            fibre("silk", "Seide", "silk", "seide"),
            fibre("cashmere", "Kaschmir", "cashmere", "kaschmir"),
            fibre("mohair", "Mohair", "mohair", "mohair"),
            fibre("alpaca", "Alpaka", "alpaca", "alpaka"),
            fibre("camelhair", "Kamelhaar", "camel hair camelhair", "kamelhaar"));

    private static final Map<String, Weave> WEAVES = new LinkedHashMap<>();
    private static final Map<String, PatternName> PATTERNS = new LinkedHashMap<>();
    private static final List<Concept> CONCEPTS = new ArrayList<>();

    /** Words in a description that promise a cloth that shrugs off creases. */
    private static final List<String> CREASE_MARKERS = List.of("knitterarm", "knitterfrei", "knittert kaum",
            "kaum knittert", "nicht knittert", "faltenfrei", "hochtwist", "hochgedreht");

    static {
        weave("Köper", "twill", "twill", "köper", "köperbindung", "twill", "serge");
        weave("Leinwand", "plain-weave", "plain weave", "leinwand", "leinwandbindung", "tuchbindung", "plain weave");
        weave("Fresco", "fresco", "fresco high twist open weave", "fresco", "frescos", "fresko");
        weave("Hopsack", "hopsack", "hopsack basket weave", "hopsack", "panama", "panamabindung", "basket weave");
        weave("Flanell", "flannel", "flannel", "flanell", "flannel");
        weave("Tweed", "tweed", "tweed", "tweed", "harris");
        weave("Gabardine", "gabardine", "gabardine", "gabardine", "gabardin");
        weave("Seersucker", "seersucker", "seersucker", "seersucker");
        weave("Satin", "satin", "satin", "satin");
        weave("Barathea", "barathea", "barathea", "barathea");
        weave("Grain de Poudre", "grain-de-poudre", "grain de poudre", "grain de poudre");
        weave("Samt", "velvet", "velvet", "samt", "samtsakko", "samtjacket", "samtsmoking", "velvet", "velours");
        weave("Melton", "melton", "melton", "melton");
        weave("Loden", "loden", "loden", "loden", "walkloden");
        weave("Covert", "covert", "covert", "covert");
        weave("Cavalry Twill", "cavalry-twill", "cavalry twill", "cavalry twill", "reitköper");
        weave("Oxford", "oxford", "oxford", "oxford");
        weave("Popeline", "poplin", "poplin", "popeline", "popelin", "poplin");
        weave("Fil-à-Fil", "end-on-end", "end on end fil a fil", "fil à fil", "end on end", "filafil");
        weave("Piqué", "pique", "pique marcella", "piqué", "marcella");

        pattern("uni", "plain", "plain solid", "uni", "einfarbig", "unifarben", "solid");
        pattern("Nadelstreifen", "pinstripe", "pinstripe pin stripe", "nadelstreifen", "nadelstreif", "pinstripe",
                "pinstripes", "pinstriped", "pin stripe", "pin stripes");
        pattern("Kreidestreifen", "chalk-stripe", "chalk stripe", "kreidestreifen", "kreidestreif", "chalkstripe",
                "chalk stripe", "chalk stripes");
        pattern("Streifen", "stripe", "stripe striped");
        pattern("Glencheck", "glen-check", "glen check prince of wales", "glencheck", "glenurquhart",
                "glen check", "glen plaid", "prince of wales", "prinz von wales");
        pattern("Fischgrat", "herringbone", "herringbone", "fischgrat", "fischgrät", "fischgrätmuster",
                "herringbone");
        pattern("Karo", "check", "check checked plaid");
        pattern("Pepita", "shepherds-check", "shepherd's check puppytooth", "pepita", "puppytooth",
                "shepherd's check");
        pattern("Hahnentritt", "houndstooth", "houndstooth dogtooth", "hahnentritt", "houndstooth", "dogtooth");
        pattern("Birdseye", "birdseye", "birdseye bird's eye", "birdseye", "bird's eye", "vogelauge");
        pattern("Windowpane", "windowpane", "windowpane", "windowpane", "fensterkaro");
        pattern("Melange", "melange", "melange heather mottled", "melange", "meliert", "heather", "mottled");
        pattern("Nailhead", "nailhead", "nailhead", "nailhead");
        pattern("Sharkskin", "sharkskin", "sharkskin", "sharkskin", "haifischhaut");
        pattern("Noppen", "nep", "nep donegal flecked", "noppen", "donegal", "flecked");
        CONCEPTS.add(new Concept(Kind.PATTERN, "pattern:stripes", "Streifen",
                Set.of("pinstripe", "chalk-stripe", "stripe"),
                List.of("streifen", "gestreift", "stripe", "stripes", "striped")));
        CONCEPTS.add(new Concept(Kind.PATTERN, "pattern:checks", "Karo",
                Set.of("check", "glen-check", "windowpane", "shepherds-check", "houndstooth"),
                List.of("karo", "kariert", "karos", "check", "checks", "checked", "plaid", "tartan")));

        for (Fibre fibre : FIBRES) {
            List<String> words = switch (fibre.key()) {
                case "linen" -> List.of("leinen", "linen", "lein");
                case "cotton" -> List.of("baumwolle", "baumwoll", "cotton");
                case "wool" -> List.of("wolle", "woll", "schurwolle", "wool", "woollen", "kammgarn", "worsted",
                        "merino");
                case "silk" -> List.of("seide", "seiden", "silk");
                case "cashmere" -> List.of("kaschmir", "cashmere", "kashmir");
                case "mohair" -> List.of("mohair");
                case "alpaca" -> List.of("alpaka", "alpaca");
                case "camelhair" -> List.of("kamelhaar", "camelhair", "camel hair");
                default -> List.of(fibre.key());
            };
            CONCEPTS.add(new Concept(Kind.FIBRE, "fibre:" + fibre.key(), fibre.label(), Set.of(fibre.key()), words));
        }

        seasons();
        occasions();
        styles();
        garments();
        colours();

        CONCEPTS.add(new Concept(Kind.WEIGHT, "weight:light", "leicht", Set.of(LIGHT), List.of("leicht",
                "federleicht", "luftig", "heiß", "hitze", "light", "lightweight", "airy", "hot", "breathable",
                "atmungsaktiv", "tropical", "tropisch")));
        CONCEPTS.add(new Concept(Kind.WEIGHT, "weight:heavy", "schwer", Set.of(HEAVY), List.of("schwer", "warm",
                "wärmend", "kalt", "kälte", "heavy", "heavyweight", "warmth", "cold")));
        CONCEPTS.add(new Concept(Kind.TRAIT, "trait:crease-resistant", "knitterarm", Set.of(CREASE_RESISTANT),
                List.of("knitterarm", "knitterfrei", "knitterfest", "knitterresistent", "bügelfrei", "hochtwist",
                        "reise", "reisen", "reiseanzug", "geschäftsreise", "dienstreise", "vielflieger",
                        "crease resistant", "crease free", "wrinkle free", "wrinkle resistant", "non crease",
                        "high twist", "travel", "traveller", "travelling")));
    }

    private FabricVocabulary() { }

    static List<Concept> concepts() {
        return List.copyOf(CONCEPTS);
    }

    static Optional<Weave> weave(String name) {
        return Optional.ofNullable(name).map(WEAVES::get);
    }

    static Optional<PatternName> pattern(String name) {
        return Optional.ofNullable(name).map(PATTERNS::get);
    }

    /** The fibres of a composition in English, in the catalogue's words: "80% Schurwolle 20% Seide" → "80% virgin wool 20% silk". */
    private static final Map<Pattern, String> COMPOSITION_IN_ENGLISH = new LinkedHashMap<>();

    static {
        for (String[] word : new String[][] {{"schurwolle", "virgin wool"}, {"baumwolle", "cotton"},
                {"wolle", "wool"}, {"leinen", "linen"}, {"seide", "silk"}, {"kaschmir", "cashmere"},
                {"kamelhaar", "camel hair"}, {"alpaka", "alpaca"}, {"elasthan", "elastane"}, {"mohair", "mohair"}}) {
            COMPOSITION_IN_ENGLISH.put(Pattern.compile("\\b" + word[0] + "\\b",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), word[1]);
        }
    }

    /** Each composition's English, worked out once: a catalogue has a few dozen, every fabric answer shows one. */
    private static final Map<String, String> ENGLISH_COMPOSITIONS = new java.util.concurrent.ConcurrentHashMap<>();

    static String englishComposition(String composition) {
        return composition == null ? null
                : ENGLISH_COMPOSITIONS.computeIfAbsent(composition, FabricVocabulary::toEnglish);
    }

    private static String toEnglish(String composition) {
        String english = composition;
        for (Map.Entry<Pattern, String> word : COMPOSITION_IN_ENGLISH.entrySet()) {
            english = word.getKey().matcher(english).replaceAll(word.getValue());
        }
        return english;
    }

    /** "Nadelstreifen" → "pinstripe", "uni" → "plain"; a pattern the vocabulary does not know stays as it is. */
    static String englishPattern(String pattern) {
        return pattern(pattern).map(p -> english(p.key())).orElse(pattern);
    }

    /** "Leinwand" → "plain weave", "Köper" → "twill"; a weave the vocabulary does not know stays as it is. */
    static String englishWeave(String weave) {
        return weave(weave).map(w -> english(w.key())).orElse(weave);
    }

    /** A concept's name in English: the fibre, weave or pattern of its key ("fibre:camelhair" → "camel hair"). */
    static String english(Concept concept) {
        return english(concept.id().substring(concept.id().indexOf(':') + 1));
    }

    /** A vocabulary key in English words: "plain-weave" → "plain weave", "camelhair" → "camel hair". */
    static String english(String key) {
        return switch (key) {
            case "camelhair" -> "camel hair";
            case "shepherds-check" -> "shepherd's check";
            case "pique" -> "piqué";
            default -> key.replace('-', ' ');
        };
    }

    static List<Fibre> fibres(String composition) {
        String text = composition.toLowerCase(Locale.GERMAN);
        return FIBRES.stream().filter(f -> f.inComposition().matcher(text).find()).toList();
    }

    static Set<String> traits(Fabric fabric) {
        String description = fabric.descriptionDe().toLowerCase(Locale.GERMAN);
        boolean creaseResistant = Set.of("fresco", "hopsack").contains(weave(fabric.weave()).map(Weave::key)
                .orElse("")) || CREASE_MARKERS.stream().anyMatch(description::contains);
        return creaseResistant ? Set.of(CREASE_RESISTANT) : Set.of();
    }

    /** The English words for a fabric, so "linen", "flannel" or "navy" find it although it is described in German. */
    static String englishText(Fabric fabric) {
        return Stream.of(Stream.of(fabric.name(), fabric.mill(), fabric.colourEn()),
                        weave(fabric.weave()).map(Weave::english).stream(),
                        pattern(fabric.pattern()).map(PatternName::english).stream(),
                        fibres(fabric.composition()).stream().map(Fibre::english),
                        traits(fabric).isEmpty() ? Stream.<String>empty() : Stream.of("crease resistant"))
                .flatMap(s -> s).collect(Collectors.joining(" "));
    }

    private static Fibre fibre(String key, String label, String english, String regex) {
        return new Fibre(key, label, english, Pattern.compile(regex));
    }

    private static void weave(String name, String key, String english, String... words) {
        WEAVES.put(name, new Weave(name, key, english));
        CONCEPTS.add(new Concept(Kind.WEAVE, "weave:" + key, name, Set.of(key), List.of(words)));
    }

    private static void pattern(String name, String key, String english, String... words) {
        PATTERNS.put(name, new PatternName(name, key, english));
        if (words.length > 0) {
            CONCEPTS.add(new Concept(Kind.PATTERN, "pattern:" + key, name, Set.of(key), List.of(words)));
        }
    }

    private static void seasons() {
        Map<Season, List<String>> words = Map.of(
                Season.SUMMER, List.of("sommer", "sommerlich", "summer", "summery", "juni", "juli", "august",
                        "june", "july"),
                Season.WINTER, List.of("winter", "winterlich", "wintry", "dezember", "januar", "februar",
                        "december", "january", "february", "weihnachten", "christmas"),
                Season.SPRING, List.of("frühling", "frühjahr", "frühlingshaft", "spring", "märz", "april", "mai"),
                Season.AUTUMN, List.of("herbst", "herbstlich", "autumn", "autumnal", "september", "oktober",
                        "november", "october"),
                Season.ALL_SEASON, List.of("ganzjährig", "ganzjahresstoff", "ganzjahresanzug", "all season",
                        "year round", "four seasons"));
        for (Season season : Season.values()) {
            CONCEPTS.add(new Concept(Kind.SEASON, "season:" + season.id(), season.label(), Set.of(season.id()),
                    words.get(season)));
        }
    }

    private static void occasions() {
        Map<Occasion, List<String>> words = Map.of(
                Occasion.WEDDING, List.of("hochzeit", "heirat", "heiraten", "trauung", "standesamt",
                        "standesamtlich", "bräutigam", "trauzeuge", "wedding", "groom", "bride", "bridal",
                        "groomsman"),
                Occasion.BUSINESS, List.of("büro", "business", "office", "geschäft", "geschäftlich", "beruf",
                        "beruflich", "arbeit", "job", "meeting", "bewerbung", "vorstellungsgespräch", "kanzlei",
                        "work", "interview", "konferenz"),
                Occasion.GALA, List.of("gala", "ball", "opernball", "oper", "opera", "black tie",
                        "abendveranstaltung", "abend", "evening", "empfang"),
                Occasion.CHRISTENING, List.of("taufe", "christening", "baptism", "kommunion", "konfirmation"),
                Occasion.PROM, List.of("abiball", "abschlussball", "abschlussfeier", "abitur", "prom",
                        "graduation", "tanzschule"),
                Occasion.EVERYDAY, List.of("alltag", "alltäglich", "everyday", "freizeit", "wochenende",
                        "weekend", "leisure"));
        for (Occasion occasion : Occasion.values()) {
            CONCEPTS.add(new Concept(Kind.OCCASION, "occasion:" + occasion.id(), occasion.label(),
                    Set.of(occasion.id()), words.get(occasion)));
        }
    }

    private static void styles() {
        Map<Style, List<String>> words = Map.of(
                Style.CLASSIC, List.of("klassisch", "zeitlos", "traditionell", "konservativ", "classic",
                        "timeless", "traditional"),
                Style.MODERN, List.of("modern", "zeitgemäß", "slim", "schmal", "tailliert", "contemporary"),
                Style.CASUAL, List.of("lässig", "leger", "locker", "sportlich", "casual", "relaxed"),
                Style.EXTRAVAGANT, List.of("extravagant", "auffällig", "mutig", "ausgefallen", "bold", "statement"),
                Style.FORMAL, List.of("formell", "förmlich", "festlich", "formal"));
        for (Style style : Style.values()) {
            CONCEPTS.add(new Concept(Kind.STYLE, "style:" + style.id(), style.label(), Set.of(style.id()),
                    words.get(style)));
        }
    }

    private static void garments() {
        Map<Garment, List<String>> words = Map.of(
                Garment.SUIT, List.of("anzug", "anzüge", "zweiteiler", "dreiteiler", "suit", "suits", "two piece",
                        "three piece"),
                Garment.JACKET, List.of("sakko", "jackett", "jacke", "blazer", "jacket", "sport coat", "sportcoat"),
                Garment.TROUSERS, List.of("hose", "hosen", "chino", "trousers", "pants", "slacks"),
                Garment.VEST, List.of("weste", "waistcoat", "vest", "gilet"),
                Garment.TUXEDO, List.of("smoking", "dinnerjacket", "tuxedo", "dinner jacket", "black tie", "frack"),
                Garment.COAT, List.of("mantel", "mäntel", "coat", "overcoat", "topcoat", "caban", "peacoat",
                        "chesterfield", "ulster"),
                Garment.SHIRT, List.of("hemd", "hemden", "shirt", "shirts", "shirting", "oberhemd"));
        for (Garment garment : Garment.values()) {
            CONCEPTS.add(new Concept(Kind.GARMENT, "garment:" + garment.id(), garment.label(),
                    Set.of(garment.id()), words.get(garment)));
        }
    }

    private static void colours() {
        for (Colours.Colour colour : Colours.COLOURS.values()) {
            List<String> words = new ArrayList<>(List.of(colour.name(), colour.english()));
            words.addAll(Colours.SYNONYMS.getOrDefault(colour.name(), Set.of()));
            // a family word is a family, not this colour ("blau" is not only the colour blau)
            words.removeIf(w -> Colours.FAMILIES.values().stream().anyMatch(f -> f.contains(w)));
            if (!words.isEmpty()) {
                CONCEPTS.add(new Concept(Kind.COLOUR, "colour:" + colour.name(), colour.name(),
                        Set.of(colour.name()), List.copyOf(new LinkedHashSet<>(words))));
            }
        }
        CONCEPTS.add(new Concept(Kind.COLOUR, "colour:dunkelblau", "dunkelblau",
                Set.of("marineblau", "mitternachtsblau"), List.of("dunkelblau", "dark blue")));
        Colours.FAMILIES.forEach((family, words) -> CONCEPTS.add(new Concept(Kind.COLOUR, "colour-family:" + family,
                family, Set.of(FAMILY + family), words.stream().filter(w -> !Arrays.asList("natur", "natural",
                "tan").contains(w)).toList())));
    }
}
