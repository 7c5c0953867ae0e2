package de.henk.hub.catalog;

/**
 * What a customer is looking for, typed: free text (German or English) plus filters. {@code null} means "any";
 * a {@code null} garment means "what the text names, otherwise a suit". Built by the REST parameters or by the
 * conversation ({@code FabricQuery.builder().text("leichter Stoff").season(Season.SUMMER).maxPriceEur(2500)}).
 * {@code english}: the reasons come in English (an English conversation, {@code lang=en}); German otherwise.
 */
public record FabricQuery(String text, Style style, Season season, String colour, Occasion occasion,
                          Garment garment, Integer maxPriceEur, Integer minWeight, Integer maxWeight, int limit,
                          boolean english) {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 50;
    public static final int MAX_TEXT_LENGTH = 500;

    public FabricQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        colour = colour == null || colour.isBlank() ? null : colour.strip();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("text is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        if (minWeight != null && maxWeight != null && minWeight > maxWeight) {
            throw new IllegalArgumentException("minWeight is above maxWeight");
        }
    }

    public static FabricQuery text(String text) {
        return builder().text(text).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String text;
        private Style style;
        private Season season;
        private String colour;
        private Occasion occasion;
        private Garment garment;
        private Integer maxPriceEur;
        private Integer minWeight;
        private Integer maxWeight;
        private int limit = DEFAULT_LIMIT;
        private boolean english;

        private Builder() { }

        public Builder text(String text) { this.text = text; return this; }
        public Builder style(Style style) { this.style = style; return this; }
        public Builder season(Season season) { this.season = season; return this; }
        /** A colour word, German or English: "blau", "navy", "mitternachtsblau". */
        public Builder colour(String colour) { this.colour = colour; return this; }
        public Builder occasion(Occasion occasion) { this.occasion = occasion; return this; }
        public Builder garment(Garment garment) { this.garment = garment; return this; }
        public Builder maxPriceEur(Integer maxPriceEur) { this.maxPriceEur = maxPriceEur; return this; }
        public Builder minWeight(Integer minWeight) { this.minWeight = minWeight; return this; }
        public Builder maxWeight(Integer maxWeight) { this.maxWeight = maxWeight; return this; }
        public Builder limit(int limit) { this.limit = limit; return this; }
        public Builder english(boolean english) { this.english = english; return this; }

        public FabricQuery build() {
            return new FabricQuery(text, style, season, colour, occasion, garment, maxPriceEur, minWeight, maxWeight,
                    limit, english);
        }
    }
}
