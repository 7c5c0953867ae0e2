package de.henk.hub.catalog;

import de.henk.hub.web.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Reads the query parameters of {@code GET /api/fabrics/search} into a {@link FabricQuery}. Anything it cannot
 * read is a 400 {@code invalid_parameter} naming the parameter and what it accepts.
 */
final class SearchParameters {

    private static final int MAX_WEIGHT_G_M = 2_000;
    private static final BigDecimal MAX_PRICE = new BigDecimal("1000000");

    private SearchParameters() { }

    static FabricQuery read(String q, String style, String season, String color, String occasion, String garment,
                            String maxPrice, String minWeight, String maxWeight, String limit,
                            String lang) {
        if (q != null && q.strip().length() > FabricQuery.MAX_TEXT_LENGTH) {
            throw invalid("q", "q must be at most " + FabricQuery.MAX_TEXT_LENGTH + " characters");
        }
        if (color != null && !color.isBlank() && Colours.read(color).isEmpty()) {
            throw invalid("color", "color must be a colour word: " + Colours.accepted());
        }
        Integer min = weight("min_weight", minWeight);
        Integer max = weight("max_weight", maxWeight);
        if (min != null && max != null && min > max) {
            throw invalid("min_weight", "min_weight must not be above max_weight");
        }
        return new FabricQuery(q, Style.of(style), Season.of(season), color, Occasion.of(occasion),
                Garment.of(garment), price(maxPrice), min, max, limit(limit), english(lang));
    }

    static ApiException invalid(String parameter, String detail) {
        return new ApiException(400, "invalid_parameter", detail,
                List.of(new ApiException.FieldError(parameter, detail)), Map.of());
    }

    /** {@code lang}: de (the default) or en, the language of the reasons. */
    private static boolean english(String lang) {
        if (blank(lang)) {
            return false;
        }
        return switch (lang.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "de" -> false;
            case "en" -> true;
            default -> throw invalid("lang", "lang must be one of de, en");
        };
    }

    private static Integer price(String value) {
        if (blank(value)) {
            return null;
        }
        String amount = value.strip();
        if (!amount.matches("\\d{1,7}([.,]\\d{1,2})?")) {
            throw invalid("max_price", "max_price must be an amount in euros, e.g. 2500");
        }
        BigDecimal euros = new BigDecimal(amount.replace(',', '.'));
        if (euros.signum() <= 0 || euros.compareTo(MAX_PRICE) > 0) {
            throw invalid("max_price", "max_price must be between 1 and " + MAX_PRICE.toPlainString() + " euros");
        }
        // catalogue prices are whole euros: "at most 2499.50" is "at most 2499"
        return euros.setScale(0, RoundingMode.FLOOR).intValueExact();
    }

    private static Integer weight(String name, String value) {
        if (blank(value)) {
            return null;
        }
        int grams = whole(name, value, name + " must be a whole number of grams per metre, e.g. 280");
        if (grams < 1 || grams > MAX_WEIGHT_G_M) {
            throw invalid(name, name + " must be between 1 and " + MAX_WEIGHT_G_M + " g/m");
        }
        return grams;
    }

    private static int limit(String value) {
        if (blank(value)) {
            return FabricQuery.DEFAULT_LIMIT;
        }
        int limit = whole("limit", value, "limit must be a whole number");
        if (limit < 1 || limit > FabricQuery.MAX_LIMIT) {
            throw invalid("limit", "limit must be between 1 and " + FabricQuery.MAX_LIMIT);
        }
        return limit;
    }

    private static int whole(String name, String value, String message) {
        String digits = value.strip();
        if (!digits.matches("-?\\d{1,6}")) {
            throw invalid(name, message);
        }
        return Integer.parseInt(digits);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
