package de.henk.hub.catalog;

import java.util.List;

/** What a customer dresses for — the same words the conversation profile uses. */
public enum Occasion implements CatalogueTerm {
    WEDDING("wedding", "Hochzeit", "hochzeit", "trauung", "standesamt"),
    BUSINESS("business", "Business", "büro", "office", "geschäft", "beruf"),
    GALA("gala", "Gala", "ball", "black tie", "abendveranstaltung"),
    CHRISTENING("christening", "Taufe", "taufe", "baptism", "kommunion", "konfirmation"),
    PROM("prom", "Abiball", "abiball", "abschlussball", "graduation"),
    EVERYDAY("everyday", "Alltag", "alltag", "freizeit", "leisure");

    private final String id;
    private final String label;
    private final List<String> aliases;

    Occasion(String id, String label, String... aliases) {
        this.id = id;
        this.label = label;
        this.aliases = List.of(aliases);
    }

    @Override public String id() { return id; }
    @Override public String label() { return label; }
    @Override public List<String> aliases() { return aliases; }

    public static Occasion of(String value) {
        return CatalogueTerm.parse(values(), "occasion", value);
    }
}
