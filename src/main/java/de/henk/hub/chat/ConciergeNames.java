package de.henk.hub.chat;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How HENK names things in its offline replies, in German and English: occasions, seasons, garments with their
 * articles, price labels, styles, fabric wishes, colours, patterns, euro amounts, months and days. Only words; the
 * sentences around them are {@link OfflineConcierge}'s and its parts'.
 */
final class ConciergeNames {

    private static final Map<String, String[]> OCCASION_NAMES = Map.of(
            "wedding", new String[] {"eine Hochzeit", "a wedding"},
            "business", new String[] {"das Büro und Geschäftstermine", "business and the office"},
            "gala", new String[] {"eine Gala", "a black-tie evening"},
            "christening", new String[] {"eine Taufe", "a christening"},
            "mourning", new String[] {"eine Trauerfeier", "a funeral"},
            "celebration", new String[] {"eine Feier", "a celebration"},
            "prom", new String[] {"einen Abschlussball", "a prom"},
            "everyday", new String[] {"den Alltag", "everyday wear"});

    private static final Map<String, String[]> SEASON_NAMES = Map.of(
            "summer", new String[] {"Sommer", "summer"},
            "winter", new String[] {"Winter", "winter"},
            "spring", new String[] {"Frühling", "spring"},
            "autumn", new String[] {"Herbst", "autumn"});

    private static final Map<String, String[]> GARMENT_NAMES = Map.of(
            "suit", new String[] {"Maßanzug", "made-to-measure suit"},
            "three-piece", new String[] {"Dreiteiler", "three-piece suit"},
            "tuxedo", new String[] {"Smoking", "tuxedo"},
            "jacket", new String[] {"Sakko", "jacket"},
            "trousers", new String[] {"Hose", "pair of trousers"},
            "vest", new String[] {"Weste", "waistcoat"},
            "coat", new String[] {"Mantel", "coat"},
            "shirt", new String[] {"Maßhemd", "made-to-measure shirt"});

    private static final Map<String, String[]> PRICE_LABELS = Map.of(
            "tuxedo", new String[] {"als Smoking", "as a tuxedo"},
            "jacket", new String[] {"als Sakko", "as a jacket"},
            "trousers", new String[] {"als Hose", "as trousers"},
            "coat", new String[] {"als Mantel", "as a coat"},
            "shirt", new String[] {"als Hemd", "as a shirt"},
            "vest", new String[] {"als Weste", "as a waistcoat"},
            "three-piece", new String[] {"als Dreiteiler", "as a three-piece"});

    private static final Map<String, String> STYLE_STEMS_DE = Map.of(
            "classic", "klassisch", "modern", "modern", "casual", "lässig", "extravagant", "extravagant",
            "formal", "festlich");

    private static final Map<String, String[]> WISH_NAMES = Map.ofEntries(
            Map.entry("light", new String[] {"leichter Stoff", "a light cloth"}),
            Map.entry("linen", new String[] {"Leinen", "linen"}),
            Map.entry("crease-resistant", new String[] {"knitterarm", "crease-resistant"}),
            Map.entry("wool", new String[] {"Schurwolle", "wool"}),
            Map.entry("cotton", new String[] {"Baumwolle", "cotton"}),
            Map.entry("cashmere", new String[] {"Kaschmir", "cashmere"}),
            Map.entry("silk", new String[] {"Seide", "silk"}),
            Map.entry("mohair", new String[] {"Mohair", "mohair"}),
            Map.entry("flannel", new String[] {"Flanell", "flannel"}),
            Map.entry("tweed", new String[] {"Tweed", "tweed"}),
            Map.entry("warm", new String[] {"ein wärmerer Stoff", "a warmer cloth"}),
            Map.entry("stretch", new String[] {"bequem mit Stretch", "comfortable stretch"}),
            Map.entry(PriceLean.AFFORDABLE, new String[] {"möglichst preiswert", "as affordable as possible"}),
            Map.entry(PriceLean.FINER, new String[] {"etwas Edleres", "something finer"}));

    private static final Map<String, String> COLOURS_EN = Map.ofEntries(
            Map.entry("blau", "blue"), Map.entry("grau", "grey"), Map.entry("schwarz", "black"),
            Map.entry("braun", "brown"), Map.entry("grün", "green"), Map.entry("rot", "red"),
            Map.entry("weiß", "white"), Map.entry("marineblau", "navy"), Map.entry("mitternachtsblau", "midnight blue"),
            Map.entry("hellblau", "light blue"), Map.entry("dunkelblau", "dark blue"), Map.entry("anthrazit", "charcoal"),
            Map.entry("hellgrau", "light grey"), Map.entry("bordeaux", "burgundy"), Map.entry("oliv", "olive"),
            Map.entry("tabak", "tobacco"), Map.entry("creme", "cream"), Map.entry("sand", "sand"),
            Map.entry("camel", "camel"), Map.entry("beige", "beige"), Map.entry("mittelgrau", "mid grey"),
            Map.entry("salbei", "sage"), Map.entry("taupe", "taupe"), Map.entry("dunkelgrün", "dark green"),
            Map.entry("dunkelbraun", "dark brown"), Map.entry("hellbraun", "light brown"));

    /** A tone said without a colour: wished ("in dunkel gehaltenen Tönen" / "in dark tones") and ruled out. */
    private static final Map<String, String[]> TONES = Map.of(
            "dunkel", new String[] {"dunkel gehaltenen Tönen", "dark tones", "nicht zu dunkel", "nothing too dark"},
            "hell", new String[] {"hell gehaltenen Tönen", "light tones", "nicht zu hell", "nothing too light"});

    private ConciergeNames() {
    }

    /** "eine Hochzeit" / "a wedding". */
    static String occasion(String occasion, boolean de) {
        return OCCASION_NAMES.get(occasion)[de ? 0 : 1];
    }

    /**
     * The occasion named as the customer named it, where one of HENK's occasions covers several: a first communion
     * or a confirmation is no christening, a graduation no prom ("Konfirmation meines Sohnes" was greeted as "eine
     * Taufe"). The first kind the message names, else the occasion's own name.
     */
    static String occasionAsSaid(String occasion, String message, boolean de) {
        String said = message == null ? "" : message.toLowerCase(java.util.Locale.GERMAN);
        for (String[] kind : OCCASION_KINDS) {
            if (kind[0].equals(occasion) && java.util.regex.Pattern.compile(kind[1]).matcher(said).find()) {
                return kind[de ? 2 : 3];
            }
        }
        return occasion(occasion, de);
    }

    /** {occasion, words that name the kind, German name, English name}; the first that matches counts. */
    private static final String[][] OCCASION_KINDS = {
            {"christening", "kommunion|communion", "eine Kommunion", "a first communion"},
            {"christening", "konfirmation|firmung|confirmation", "eine Konfirmation", "a confirmation"},
            {"christening", "bar mitzvah|bar mizwa", "eine Bar Mizwa", "a bar mitzvah"},
            {"christening", "bat mitzvah|bat mizwa", "eine Bat Mizwa", "a bat mitzvah"},
            {"prom", "abiball|abschlussball|prom\\b|tanzschulball", "einen Abschlussball", "a prom"},
            {"prom", "abschluss|graduat|matura|abitur|zeugnis", "eine Abschlussfeier", "a graduation"}};

    static String season(String season, boolean de) {
        return SEASON_NAMES.get(season)[de ? 0 : 1];
    }

    /** The garment's name, or the suit's when there is none or one without a name. */
    static String garmentOrSuit(String garment, boolean de) {
        return GARMENT_NAMES.getOrDefault(garment == null ? "suit" : garment, GARMENT_NAMES.get("suit"))[de ? 0 : 1];
    }

    static String garment(String garment, boolean de) {
        return GARMENT_NAMES.get(garment)[de ? 0 : 1];
    }

    /** "als Sakko" / "as a jacket" — what a fabric's price is for. */
    static String priceLabel(String garment, boolean de) {
        String[] label = PRICE_LABELS.getOrDefault(garment == null ? "suit" : garment,
                new String[] {"als Maßanzug", "as a suit"});
        return label[de ? 0 : 1];
    }

    /** The German stem of a style ("klassisch"), or the style itself. */
    static String styleDe(String style) {
        return STYLE_STEMS_DE.getOrDefault(style, style);
    }

    /** A fabric wish's name, or the wish itself. */
    static String wish(String wish, boolean de) {
        return WISH_NAMES.getOrDefault(wish, new String[] {wish, wish})[de ? 0 : 1];
    }

    /** A material's name; every one of {@link ProfileExtractor#MATERIALS} has one. */
    static String material(String material, boolean de) {
        return WISH_NAMES.get(material)[de ? 0 : 1];
    }

    /** "der Maßanzug", "die Hose", "das Sakko". */
    static String articleDe(ConversationProfile p) {
        String garment = garmentOrSuit(p.garment(), true);
        return article(garment, "der ") + garment;
    }

    /** "den Maßanzug", "die Hose", "das Sakko". */
    static String articleAccusativeDe(ConversationProfile p) {
        String garment = garmentOrSuit(p.garment(), true);
        return article(garment, "den ") + garment;
    }

    /** "ein Sakko", "eine Hose". */
    static String indefiniteDe(String garment) {
        return article(garmentOrSuit(garment, true), "").equals("die ") ? "eine " : "ein ";
    }

    private static String article(String garment, String masculine) {
        return switch (garment) {
            case "Hose", "Weste" -> "die ";
            case "Sakko", "Maßhemd" -> "das ";
            default -> masculine;
        };
    }

    static List<String> capitalised(List<String> words) {
        return words.stream().map(w -> w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1)).toList();
    }

    static List<String> english(List<String> colours, boolean de) {
        return de ? colours : colours.stream().map(c -> COLOURS_EN.getOrDefault(c, c)).toList();
    }

    /** Wished colours as said after "in": "blau", "dunkel gehaltenen Tönen" / "blue", "dark tones". */
    static List<String> colours(List<String> colours, boolean de) {
        return colours.stream().map(c -> TONES.containsKey(c) ? TONES.get(c)[de ? 0 : 1]
                : de ? c : COLOURS_EN.getOrDefault(c, c)).toList();
    }

    /** A tone's name after "in" ("dunkel gehaltenen Tönen"); any other colour as it is. */
    static String tone(String colour, boolean de) {
        return TONES.containsKey(colour) ? TONES.get(colour)[de ? 0 : 1] : colour;
    }

    /** Colours ruled out: "kein Schwarz und nicht zu dunkel" / "no black and nothing too dark". */
    static String avoided(List<String> colours, boolean de) {
        return String.join(de ? " und " : " and ", colours.stream().map(c -> TONES.containsKey(c)
                ? TONES.get(c)[de ? 2 : 3]
                : de ? "kein " + capitalised(List.of(c)).get(0) : "no " + COLOURS_EN.getOrDefault(c, c)).toList());
    }

    static String pattern(String pattern) {
        return switch (pattern) {
            case "uni" -> "plain";
            case "Nadelstreifen" -> "pinstripe";
            case "Streifen" -> "stripes";
            case "Fischgrat" -> "herringbone";
            case "Karo" -> "checks";
            case "Glencheck" -> "glen check";
            case "Kreidestreifen" -> "chalk stripe";
            case "Pepita", "Hahnentritt" -> "houndstooth";
            default -> pattern;
        };
    }

    static String euros(int amount, boolean de) {
        NumberFormat format = NumberFormat.getIntegerInstance(de ? Locale.GERMANY : Locale.UK);
        return de ? format.format(amount) + " €" : "€" + format.format(amount);
    }

    static String month(String isoMonth, boolean de) {
        YearMonth month = YearMonth.parse(isoMonth);
        return month.getMonth().getDisplayName(TextStyle.FULL, de ? Locale.GERMAN : Locale.ENGLISH) + " "
                + month.getYear();
    }

    static String day(String isoDate, boolean de) {
        return LocalDate.parse(isoDate).format(de ? DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.GERMAN)
                : DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
    }
}
