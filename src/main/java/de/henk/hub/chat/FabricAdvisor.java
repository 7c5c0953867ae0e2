package de.henk.hub.chat;

import de.henk.hub.catalog.Fabric;
import de.henk.hub.catalog.FabricHit;
import de.henk.hub.catalog.FabricQuery;
import de.henk.hub.catalog.FabricSearch;
import de.henk.hub.catalog.Garment;
import de.henk.hub.catalog.Occasion;
import de.henk.hub.catalog.Season;
import de.henk.hub.catalog.Style;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * HENK's fabric proposal: the catalogue search ({@code fabricSearch}) asked with what the customer said. Season,
 * budget, occasion and garment are hard limits; colours and patterns the customer does not want are removed; a
 * wished colour, style or cloth ranks — and when the catalogue has nothing with all of them, the style and then
 * the colour give way before a limit ever does.
 */
@Component
public class FabricAdvisor {

    static final int PROPOSALS = 3;

    /** Catalogue colours by family, to honour "kein Schwarz" / "no blue" on a whole family. */
    private static final Map<String, Set<String>> FAMILIES = Map.of(
            "blau", Set.of("blau", "marineblau", "mitternachtsblau", "hellblau"),
            "grau", Set.of("anthrazit", "mittelgrau", "hellgrau", "taupe"),
            "schwarz", Set.of("schwarz"),
            "braun", Set.of("braun", "tabak", "camel", "taupe"),
            "beige", Set.of("beige", "sand", "camel", "creme"),
            "grün", Set.of("grün", "oliv", "salbei"),
            "rot", Set.of("bordeaux"),
            "weiß", Set.of("weiß", "creme"),
            "dunkelblau", Set.of("marineblau", "mitternachtsblau"));

    private static final Map<String, Set<String>> PATTERN_FAMILIES = Map.of(
            "Streifen", Set.of("Streifen", "Nadelstreifen", "Kreidestreifen"),
            "Karo", Set.of("Karo", "Glencheck", "Windowpane", "Pepita", "Hahnentritt"),
            "Pepita", Set.of("Pepita", "Hahnentritt"));

    private static final Map<String, String> WISH_WORDS = Map.ofEntries(
            Map.entry("light", "leicht"), Map.entry("linen", "Leinen"), Map.entry("crease-resistant", "knitterarm"),
            Map.entry("wool", "Schurwolle"), Map.entry("cotton", "Baumwolle"), Map.entry("cashmere", "Kaschmir"),
            Map.entry("silk", "Seide"), Map.entry("mohair", "Mohair"), Map.entry("flannel", "Flanell"),
            Map.entry("tweed", "Tweed"), Map.entry("warm", "warm"), Map.entry("stretch", "Stretch"));

    private final FabricSearch search;

    public FabricAdvisor(FabricSearch search) {
        this.search = search;
    }

    public List<FabricHit> recommend(ConversationProfile profile) {
        return recommend(profile, null, PROPOSALS);
    }

    /**
     * Up to {@code limit} fabrics for the profile, best first: those with a wished colour and the style, then with
     * the colour, then with the style, then the rest — all within the hard limits. {@code extraText} adds words
     * (an LLM tool call's query).
     */
    public List<FabricHit> recommend(ConversationProfile profile, String extraText, int limit) {
        Style style = style(profile.style());
        List<String> colours = profile.colours().stream().limit(3).toList();
        List<Object[]> attempts = new ArrayList<>();
        for (String colour : colours) {
            if (style != null) {
                attempts.add(new Object[] {style, colour});
            }
            attempts.add(new Object[] {null, colour});
        }
        if (style != null) {
            attempts.add(new Object[] {style, null});
        }
        attempts.add(new Object[] {null, null});
        java.util.LinkedHashMap<String, FabricHit> found = new java.util.LinkedHashMap<>();
        for (Object[] attempt : attempts) {
            for (FabricHit hit : search(profile, extraText, (Style) attempt[0], (String) attempt[1], limit)) {
                found.putIfAbsent(hit.fabric().code(), hit);
            }
            if (found.size() >= limit) {
                break;
            }
        }
        return found.values().stream().limit(limit).toList();
    }

    private List<FabricHit> search(ConversationProfile profile, String extraText, Style style, String colour,
                                   int limit) {
        FabricQuery.Builder query = FabricQuery.builder()
                .text(text(profile, extraText))
                .garment(garment(profile.garment()))
                .season(season(profile.season()))
                .occasion(occasion(profile.occasion()))
                .style(style)
                .colour(colour)
                .maxPriceEur(price(profile))
                .limit(Math.min(FabricQuery.MAX_LIMIT, limit * 8));
        if (profile.fabricWishes().contains("light")) {
            query.maxWeight(290);
        } else if (profile.fabricWishes().contains("warm")) {
            query.minWeight(300);
        }
        List<FabricHit> hits = new ArrayList<>();
        for (FabricHit hit : search.recommend(query.build()).fabrics()) {
            if (!avoided(hit.fabric(), profile)) {
                hits.add(hit);
            }
            if (hits.size() == limit) {
                break;
            }
        }
        return hits;
    }

    /** Whether the fabric has a colour or pattern the customer ruled out. */
    static boolean avoided(Fabric fabric, ConversationProfile profile) {
        for (String colour : profile.avoidColours()) {
            if (FAMILIES.getOrDefault(colour, Set.of(colour)).contains(fabric.colour())) {
                return true;
            }
        }
        for (String pattern : profile.avoidPatterns()) {
            if (PATTERN_FAMILIES.getOrDefault(pattern, Set.of(pattern)).contains(fabric.pattern())) {
                return true;
            }
        }
        return false;
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

    private static String text(ConversationProfile profile, String extraText) {
        Set<String> words = new LinkedHashSet<>();
        profile.fabricWishes().stream().filter(w -> !w.equals("warm")).map(WISH_WORDS::get)
                .filter(java.util.Objects::nonNull).forEach(words::add);
        profile.patterns().stream().filter(p -> !p.equals("uni")).forEach(words::add);
        if (extraText != null && !extraText.isBlank()) {
            words.add(extraText.strip());
        }
        String text = String.join(" ", words);
        return text.length() > FabricQuery.MAX_TEXT_LENGTH ? text.substring(0, FabricQuery.MAX_TEXT_LENGTH) : text;
    }

    /** The budget is for the whole garment; a waistcoat (about 290 €) comes out of it for a three-piece. */
    static Integer price(ConversationProfile profile) {
        if (profile.budgetEur() == null) {
            return null;
        }
        return "three-piece".equals(profile.garment()) ? profile.budgetEur() - 290 : profile.budgetEur();
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

    static Occasion occasion(String occasion) {
        return occasion == null ? null : Occasion.of(occasion);
    }

    static Style style(String style) {
        return style == null ? null : Style.of(style);
    }
}
