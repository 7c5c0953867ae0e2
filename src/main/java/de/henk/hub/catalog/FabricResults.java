package de.henk.hub.catalog;

import java.util.List;

/** The best fabrics for a search, best first, and how many fabrics matched in all. */
public record FabricResults(List<FabricHit> fabrics, int total) {

    public FabricResults {
        fabrics = List.copyOf(fabrics);
    }
}
