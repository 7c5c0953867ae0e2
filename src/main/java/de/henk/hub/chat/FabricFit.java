package de.henk.hub.chat;

import de.henk.hub.catalog.Fabric;
import de.henk.hub.catalog.Garment;
import de.henk.hub.catalog.Occasion;
import de.henk.hub.catalog.Season;
import de.henk.hub.catalog.Style;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a cloth fits what the customer said, and the profile in the catalogue's terms: the hard limits (season,
 * occasion, budget, garment) and what was ruled out (colours by family, patterns by family, materials, styles). Used by
 * {@link FabricAdvisor}, the LLM's fabric tool and the dialogue tests alike.
 */
final class FabricFit {

    /** Catalogue colours by family, to honour "kein Schwarz" / "no blue" on a whole family. */
    private static final Pattern WOOL = Pattern.compile("(?<!baum)wolle|merino|kammgarn");
    private static final Map<String, Set<String>> FAMILIES = Map.ofEntries(
            Map.entry("blau", Set.of("blau", "marineblau", "mitternachtsblau", "hellblau")),
            Map.entry("grau", Set.of("anthrazit", "mittelgrau", "hellgrau", "taupe")),
            Map.entry("schwarz", Set.of("schwarz")),
            Map.entry("braun", Set.of("braun", "tabak", "camel", "taupe")),
            Map.entry("beige", Set.of("beige", "sand", "camel", "creme")),
            Map.entry("grün", Set.of("grün", "oliv", "salbei")),
            Map.entry("rot", Set.of("bordeaux")),
            Map.entry("weiß", Set.of("weiß", "creme")),
            Map.entry("dunkelblau", Set.of("marineblau", "mitternachtsblau")),
            // shades the catalogue has no colour of its own for: "dunkelgrün" is its bottle green and olive
            Map.entry("dunkelgrün", Set.of("grün", "oliv")),
            Map.entry("dunkelbraun", Set.of("braun")),
            Map.entry("hellbraun", Set.of("camel", "sand")),
            // tones ("eher dunkel", "something light"), as the catalogue search reads them
            Map.entry("dunkel", Set.of("marineblau", "mitternachtsblau", "anthrazit", "schwarz", "braun", "bordeaux",
                    "oliv")),
            Map.entry("hell", Set.of("hellblau", "hellgrau", "beige", "sand", "creme", "weiß", "camel", "salbei")));

    private static final Map<String, Set<String>> PATTERN_FAMILIES = Map.of(
            "Streifen", Set.of("Streifen", "Nadelstreifen", "Kreidestreifen"),
            "Karo", Set.of("Karo", "Glencheck", "Windowpane", "Pepita", "Hahnentritt"),
            "Pepita", Set.of("Pepita", "Hahnentritt"));

    /** What is too loud for a funeral: stripes and checks (plain cloth, or a quiet weave like herringbone, is not). */
    private static final Set<String> LOUD_PATTERNS = Set.of("Streifen", "Nadelstreifen", "Kreidestreifen", "Karo",
            "Glencheck", "Windowpane", "Pepita", "Hahnentritt");

    /** What a waistcoat adds to a suit: a three-piece's budget keeps this for it. */
    static final int WAISTCOAT_EUR = 290;

    private FabricFit() { }

    /** A pattern too loud for a funeral ("Nadelstreifen", "Karo"); plain and quiet weaves are not. */
    static boolean tooLoudForMourning(String pattern) {
        return LOUD_PATTERNS.contains(pattern);
    }

    /** Whether the cloth is of the colour or its family ("blau" holds marineblau and mitternachtsblau). */
    static boolean inColour(Fabric fabric, String colour) {
        return FAMILIES.getOrDefault(colour, Set.of(colour)).contains(fabric.colour());
    }

    /**
     * Whether the fabric has a colour, pattern, material or style the customer ruled out — or one the occasion rules
     * out: a funeral is no place for stripes, checks or loud cloth, whatever else was wished.
     */
    static boolean avoided(Fabric fabric, ConversationProfile profile) {
        if ("mourning".equals(profile.occasion()) && (tooLoudForMourning(fabric.pattern())
                || ruledOutBy(fabric, "extravagant"))) {
            return true;
        }
        for (String material : profile.avoidFabrics()) {
            if (madeOf(fabric, material)) {
                return true;
            }
        }
        for (String colour : profile.avoidColours()) {
            if (inColour(fabric, colour)) {
                return true;
            }
        }
        for (String pattern : profile.avoidPatterns()) {
            if (PATTERN_FAMILIES.getOrDefault(pattern, Set.of(pattern)).contains(fabric.pattern())) {
                return true;
            }
        }
        return profile.avoidStyles().stream().anyMatch(style -> ruledOutBy(fabric, style));
    }

    /**
     * Whether a style ruled out rules the cloth out: loud cloth ("nichts Ausgefallenes") whatever else it is; a
     * modern or casual cloth ("nicht zu modern") unless it is classic too; a classic one ("nicht zu klassisch") when
     * it is nothing else.
     */
    static boolean ruledOutBy(Fabric fabric, String style) {
        List<String> styles = fabric.styles();
        return switch (style) {
            case "extravagant" -> styles.contains(style);
            case "classic" -> styles.equals(List.of(style));
            default -> styles.contains(style) && !styles.contains("classic");
        };
    }

    /** Whether the fabric respects what the customer asked for — used by tests and the LLM tool alike. */
    public static boolean fits(Fabric fabric, ConversationProfile profile) {
        Season season = season(profile.season());
        Occasion occasion = occasion(profile.occasion());
        return !avoided(fabric, profile)
                && (season == null || fabric.wornIn(season) || fabric.wornIn(Season.ALL_SEASON))
                && (occasion == null || fabric.suits(occasion))
                && (price(profile) == null || fabric.suitPriceEur() <= price(profile))
                && fabric.makes(garment(profile.garment()));
    }

    /** Whether the cloth is of the material ("Schurwolle" is wool, "Baumwolle" is not). */
    static boolean madeOf(Fabric fabric, String material) {
        String composition = fabric.composition().toLowerCase(java.util.Locale.GERMAN);
        String all = (composition + " " + fabric.weave() + " " + fabric.name() + " " + fabric.descriptionDe())
                .toLowerCase(java.util.Locale.GERMAN);
        return switch (material) {
            case "wool" -> WOOL.matcher(composition).find();
            case "cotton" -> composition.contains("baumwolle");
            case "linen" -> composition.contains("leinen");
            case "cashmere" -> composition.contains("kaschmir");
            case "silk" -> composition.contains("seide");
            case "mohair" -> composition.contains("mohair");
            case "flannel" -> all.contains("flanell");
            case "tweed" -> all.contains("tweed");
            default -> false;
        };
    }

    /** The budget is for the whole garment; a waistcoat (about 290 €) comes out of it for a three-piece. */
    /** What the garment costs in this cloth: the catalogue's price, with the waistcoat for a three-piece. */
    static int priceOf(Fabric fabric, String garment) {
        return fabric.suitPriceEur() + ("three-piece".equals(garment) ? WAISTCOAT_EUR : 0);
    }

    static Integer price(ConversationProfile profile) {
        if (profile.budgetEur() == null) {
            return null;
        }
        return "three-piece".equals(profile.garment()) ? profile.budgetEur() - WAISTCOAT_EUR : profile.budgetEur();
    }

    static Garment garment(String garment) {
        if (garment == null) {
            return Garment.SUIT;
        }
        return switch (garment) {
            case "tuxedo" -> Garment.TUXEDO;
            case "jacket" -> Garment.JACKET;
            case "trousers" -> Garment.TROUSERS;
            case "vest" -> Garment.VEST;
            case "coat" -> Garment.COAT;
            case "shirt" -> Garment.SHIRT;
            default -> Garment.SUIT;
        };
    }

    static Season season(String season) {
        return season == null ? null : Season.of(season);
    }

    /**
     * The catalogue's occasion for the profile's: a funeral wants the sober cloth of the office (and dark colours,
     * {@link FabricAdvisor}); a celebration (a birthday, an anniversary, the Oktoberfest) limits no cloth.
     */
    static Occasion occasion(String occasion) {
        if (occasion == null || occasion.equals("celebration")) {
            return null;
        }
        return occasion.equals("mourning") ? Occasion.BUSINESS : Occasion.of(occasion);
    }

    static Style style(String style) {
        return style == null ? null : Style.of(style);
    }
}
