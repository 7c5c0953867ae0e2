package de.henk.hub.chat;

import de.henk.hub.catalog.Fabric;
import de.henk.hub.catalog.FabricCatalogue;
import de.henk.hub.catalog.Garment;
import java.util.HashMap;
import java.util.Map;

/**
 * Where made-to-measure starts for each garment: the price of the cheapest cloth the catalogue makes it of (a
 * three-piece is a suit and its waistcoat, {@link FabricFit#WAISTCOAT_EUR}). What HENK names when a budget is below
 * it, and with the budget question.
 */
public final class EntryPrices {

    private final Map<Garment, Integer> byGarment;

    private EntryPrices(Map<Garment, Integer> byGarment) {
        this.byGarment = Map.copyOf(byGarment);
    }

    public static EntryPrices of(FabricCatalogue catalogue) {
        Map<Garment, Integer> lowest = new HashMap<>();
        for (Fabric fabric : catalogue.all()) {
            for (String garment : fabric.garments()) {
                lowest.merge(Garment.of(garment), fabric.suitPriceEur(), Math::min);
            }
        }
        return new EntryPrices(lowest);
    }

    /** Where the profile's garment ("jacket", "three-piece"; a suit when none) starts; null when none is made. */
    public Integer from(String garment) {
        Integer price = byGarment.get(FabricFit.garment(garment));
        return price != null && "three-piece".equals(garment) ? price + FabricFit.WAISTCOAT_EUR : price;
    }
}
