package de.henk.hub.catalog;

import java.util.List;

/**
 * The look a customer wants. {@link #FORMAL} is not tagged in the catalogue: it means a classic cloth that suits
 * a gala or business occasion (the seed frontend asks for {@code style=formal}).
 */
public enum Style implements CatalogueTerm {
    CLASSIC("classic", "klassisch", "klassisch", "zeitlos", "traditionell", "timeless"),
    MODERN("modern", "modern", "slim", "tailliert"),
    CASUAL("casual", "lässig", "lässig", "leger", "relaxed"),
    EXTRAVAGANT("extravagant", "extravagant", "auffällig", "bold"),
    FORMAL("formal", "formell", "formell", "förmlich", "festlich");

    private final String id;
    private final String label;
    private final List<String> aliases;

    Style(String id, String label, String... aliases) {
        this.id = id;
        this.label = label;
        this.aliases = List.of(aliases);
    }

    @Override public String id() { return id; }
    @Override public String label() { return label; }
    @Override public List<String> aliases() { return aliases; }

    /** Whether a cloth tagged with this style may carry it in the catalogue (formal is derived, never tagged). */
    public boolean tagged() {
        return this != FORMAL;
    }

    public static Style of(String value) {
        return CatalogueTerm.parse(values(), "style", value);
    }
}
