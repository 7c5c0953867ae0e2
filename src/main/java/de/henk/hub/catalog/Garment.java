package de.henk.hub.catalog;

import java.util.List;

/**
 * What is made from a cloth. Coat cloth is only for coats and shirting only for shirts, so a search for suits never
 * offers either.
 */
public enum Garment implements CatalogueTerm {
    SUIT("suit", "Anzug", "anzug", "zweiteiler", "dreiteiler"),
    JACKET("jacket", "Sakko", "sakko", "jackett", "blazer", "sport coat"),
    TROUSERS("trousers", "Hose", "hose", "pants", "slacks"),
    VEST("vest", "Weste", "weste", "waistcoat", "gilet"),
    TUXEDO("tuxedo", "Smoking", "smoking", "dinner jacket", "dinnerjacket"),
    COAT("coat", "Mantel", "mantel", "overcoat"),
    SHIRT("shirt", "Hemd", "hemd");

    private final String id;
    private final String label;
    private final List<String> aliases;

    Garment(String id, String label, String... aliases) {
        this.id = id;
        this.label = label;
        this.aliases = List.of(aliases);
    }

    @Override public String id() { return id; }
    @Override public String label() { return label; }
    @Override public List<String> aliases() { return aliases; }

    public static Garment of(String value) {
        return CatalogueTerm.parse(values(), "garment", value);
    }
}
