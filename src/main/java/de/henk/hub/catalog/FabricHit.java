package de.henk.hub.catalog;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** A fabric that answers a search, how well ({@code score}, higher is better) and why, in German. */
public record FabricHit(@JsonUnwrapped Fabric fabric, double score, List<String> reasons) {

    public FabricHit {
        reasons = List.copyOf(reasons);
    }
}
