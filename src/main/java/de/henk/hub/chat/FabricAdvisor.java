package de.henk.hub.chat;

import de.henk.hub.catalog.FabricHit;
import de.henk.hub.catalog.FabricQuery;
import de.henk.hub.catalog.FabricSearch;
import de.henk.hub.catalog.Style;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * HENK's fabric proposal: the catalogue search ({@code fabricSearch}) asked with what the customer said. Season,
 * budget, occasion and garment are hard limits; colours, patterns and materials the customer does not want
 * ("kein Schwarz", "keine Wolle") are removed; a wished colour, style and material are met together when the
 * catalogue allows — and when it has nothing with all of them, the style, then the material, then the colour give
 * way before a limit ever does, and {@link Advice#unmet()} says which.
 */
@Component
public class FabricAdvisor {

    static final int PROPOSALS = 3;

    private static final Map<String, String> WISH_WORDS = Map.ofEntries(
            Map.entry("light", "leicht"), Map.entry("linen", "Leinen"), Map.entry("crease-resistant", "knitterarm"),
            Map.entry("wool", "Schurwolle"), Map.entry("cotton", "Baumwolle"), Map.entry("cashmere", "Kaschmir"),
            Map.entry("silk", "Seide"), Map.entry("mohair", "Mohair"), Map.entry("flannel", "Flanell"),
            Map.entry("tweed", "Tweed"), Map.entry("warm", "warm"), Map.entry("stretch", "Stretch"));

    private final FabricSearch search;

    public FabricAdvisor(FabricSearch search) {
        this.search = search;
    }

    /**
     * What HENK proposes and which of the customer's wishes the proposal could not meet ({@code style},
     * {@code colour}, {@code material}); empty when every wish is met.
     */
    public record Advice(List<FabricHit> fabrics, List<String> unmet) { }

    /** The fabric advice's question: the customer's profile, and the cloth already shown to leave out. */
    public record Question(ConversationProfile profile, List<String> leaveOut) {

        public Question {
            leaveOut = leaveOut == null ? List.of() : List.copyOf(leaveOut);
        }
    }

    public List<FabricHit> recommend(ConversationProfile profile) {
        return recommend(profile, null, PROPOSALS);
    }

    /** {@code direct:fabrics-advise}: up to three fabrics for the profile, none of those to leave out. */
    public List<FabricHit> propose(Question question) {
        if (question.leaveOut().isEmpty()) {
            return recommend(question.profile());
        }
        return recommend(question.profile(), null, PROPOSALS + question.leaveOut().size()).stream()
                .filter(hit -> !question.leaveOut().contains(hit.fabric().code())).limit(PROPOSALS).toList();
    }

    /**
     * Up to {@code limit} fabrics for the profile, best first, all within the hard limits (season, budget,
     * occasion, garment, and the colours, patterns and materials ruled out). {@code extraText} adds words (an LLM
     * tool call's query).
     */
    public List<FabricHit> recommend(ConversationProfile profile, String extraText, int limit) {
        return advise(profile, extraText, limit).fabrics();
    }

    /**
     * The proposal that meets the most of the customer's wishes: a wished colour, the style, a wished material —
     * all of them if the catalogue has such cloths, else the style gives way first, then the material, then the
     * colour; a hard limit never does. Every proposed cloth meets the same wishes, so a stated "klassisch" is never
     * mixed with cloths that are not.
     */
    public Advice advise(ConversationProfile profile, String extraText, int limit) {
        Style style = FabricFit.style(profile.style());
        List<String> colours = colours(profile);
        List<String> materials = materials(profile);
        // 1 = style, 2 = material, 4 = colour: the subsets of the asked-for wishes, most important kept first
        int asked = (style != null ? 1 : 0) | (materials.isEmpty() ? 0 : 2) | (colours.isEmpty() ? 0 : 4);
        // "etwas Edleres" without a budget: one step up from the cloth shown without the lean, not the dearest
        Integer shownTop = PriceLean.steppedUp(profile) ? advise(PriceLean.unleaned(profile), extraText, PROPOSALS)
                .fabrics().stream().map(h -> FabricFit.priceOf(h.fabric(), profile.garment())).max(Integer::compare)
                .orElse(null) : null;
        for (int kept = 7; kept >= 0; kept--) {
            if ((kept & ~asked) != 0) {
                continue;
            }
            Style withStyle = (kept & 1) != 0 ? style : null;
            boolean withMaterial = (kept & 2) != 0;
            List<String> withColours = (kept & 4) != 0 ? colours : java.util.Collections.singletonList(null);
            java.util.LinkedHashMap<String, FabricHit> found = new java.util.LinkedHashMap<>();
            for (String colour : withColours) {
                for (FabricHit hit : search(profile, extraText, withStyle, colour, withMaterial ? limit * 4 : limit,
                        shownTop)) {
                    if (!withMaterial || materials.stream().anyMatch(m -> FabricFit.madeOf(hit.fabric(), m))) {
                        found.putIfAbsent(hit.fabric().code(), hit);
                    }
                }
                if (found.size() >= limit) {
                    break;
                }
            }
            if (!found.isEmpty()) {
                List<FabricHit> hits = PriceLean.ordered(List.copyOf(found.values()), profile, shownTop).stream().limit(limit)
                        .toList();
                return new Advice(hits, unmet(profile, hits));
            }
        }
        return new Advice(List.of(), List.of());
    }

    /**
     * The wishes none of the proposed cloths meets: {@code style}, {@code colour}, {@code material} — what HENK
     * says it could not find. Nothing when there is no proposal (then a hard limit is in the way).
     */
    public static List<String> unmet(ConversationProfile profile, List<FabricHit> hits) {
        List<String> unmet = new ArrayList<>();
        if (hits.isEmpty()) {
            return unmet;
        }
        Style style = FabricFit.style(profile.style());
        if (style != null && hits.stream().noneMatch(h -> h.fabric().hasStyle(style))) {
            unmet.add("style");
        }
        if (!profile.colours().isEmpty() && hits.stream().noneMatch(h -> profile.colours().stream()
                .anyMatch(c -> FabricFit.inColour(h.fabric(), c)))) {
            unmet.add("colour");
        }
        List<String> materials = materials(profile);
        if (!materials.isEmpty() && hits.stream()
                .noneMatch(h -> materials.stream().anyMatch(m -> FabricFit.madeOf(h.fabric(), m)))) {
            unmet.add("material");
        }
        return unmet;
    }

    private static List<String> materials(ConversationProfile profile) {
        return profile.fabricWishes().stream().filter(ProfileExtractor.MATERIALS::contains)
                .filter(m -> !profile.avoidFabrics().contains(m)).toList();
    }

    private List<FabricHit> search(ConversationProfile profile, String extraText, Style style, String colour,
                                   int limit, Integer shownTop) {
        FabricQuery.Builder query = FabricQuery.builder()
                .text(text(profile, extraText))
                .garment(FabricFit.garment(profile.garment()))
                .season(FabricFit.season(profile.season()))
                .occasion(FabricFit.occasion(profile.occasion()))
                .style(style)
                .colour(colour)
                .maxPriceEur(FabricFit.price(profile))
                // leaning to a price, every fitting cloth is a candidate, not only the best-ranked few
                .limit(PriceLean.leans(profile) ? FabricQuery.MAX_LIMIT : Math.min(FabricQuery.MAX_LIMIT, limit * 8))
                .english("en".equals(profile.language()));
        if (profile.fabricWishes().contains("light")) {
            query.maxWeight(290);
        } else if (profile.fabricWishes().contains("warm")) {
            query.minWeight(300);
        }
        List<FabricHit> hits = new ArrayList<>();
        for (FabricHit hit : PriceLean.ordered(search.recommend(query.build()).fabrics(), profile, shownTop)) {
            if (!FabricFit.avoided(hit.fabric(), profile)) {
                hits.add(hit);
            }
            if (hits.size() == limit) {
                break;
            }
        }
        return hits;
    }

    private static String text(ConversationProfile profile, String extraText) {
        Set<String> words = new LinkedHashSet<>();
        profile.fabricWishes().stream().filter(w -> !w.equals("warm") && !profile.avoidFabrics().contains(w))
                .map(WISH_WORDS::get)
                .filter(java.util.Objects::nonNull).forEach(words::add);
        boolean mourning = "mourning".equals(profile.occasion());
        profile.patterns().stream().filter(p -> !p.equals("uni") && !(mourning && FabricFit.tooLoudForMourning(p)))
                .forEach(words::add);
        if (extraText != null && !extraText.isBlank()) {
            words.add(extraText.strip());
        }
        String text = String.join(" ", words);
        return text.length() > FabricQuery.MAX_TEXT_LENGTH ? text.substring(0, FabricQuery.MAX_TEXT_LENGTH) : text;
    }

    /** The colours to look for: the customer's, else (or for "eher dunkel") for a funeral the sober dark ones. */
    private static List<String> colours(ConversationProfile profile) {
        if ("mourning".equals(profile.occasion())
                && (profile.colours().isEmpty() || profile.colours().equals(List.of("dunkel")))) {
            return List.of("schwarz", "anthrazit", "mitternachtsblau");
        }
        return profile.colours().stream().limit(3).toList();
    }
}
