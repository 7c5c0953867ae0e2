package de.henk.hub.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One cloth of the shop's catalogue ({@code catalog/fabrics.json}). {@code suitPriceEur} is the made-to-measure
 * price of the garment the cloth is for: a two-piece suit for suitings (a tuxedo for evening cloth), otherwise the
 * one garment it is made for — shirt, coat, jacket or trousers.
 */
public record Fabric(
        String code,
        String mill,
        String name,
        String composition,
        @JsonProperty("weight_g_m") int weightGramsPerMetre,
        String weave,
        String pattern,
        String colour,
        String colourEn,
        List<String> seasons,
        List<String> occasions,
        List<String> styles,
        List<String> garments,
        String priceTier,
        int suitPriceEur,
        String descriptionDe) {

    public Fabric {
        seasons = List.copyOf(seasons);
        occasions = List.copyOf(occasions);
        styles = List.copyOf(styles);
        garments = List.copyOf(garments);
    }

    /** The pattern in English ("Nadelstreifen" → "pinstripe"), for English answers and cards. */
    @JsonProperty("pattern_en")
    public String patternEn() {
        return FabricVocabulary.englishPattern(pattern);
    }

    /** The fibres in English ("100% Schurwolle Super 120s" → "100% virgin wool Super 120s"). */
    @JsonProperty("composition_en")
    public String compositionEn() {
        return FabricVocabulary.englishComposition(composition);
    }

    /** The weave in English ("Köper" → "twill"). */
    @JsonProperty("weave_en")
    public String weaveEn() {
        return FabricVocabulary.englishWeave(weave);
    }

    public boolean wornIn(Season season) {
        return seasons.contains(season.id());
    }

    public boolean suits(Occasion occasion) {
        return occasions.contains(occasion.id());
    }

    public boolean hasStyle(Style style) {
        return style == Style.FORMAL
                ? styles.contains(Style.CLASSIC.id()) && (suits(Occasion.GALA) || suits(Occasion.BUSINESS))
                : styles.contains(style.id());
    }

    public boolean makes(Garment garment) {
        return garments.contains(garment.id());
    }
}
