package de.henk.hub.catalog;

import java.util.List;

/** When a cloth is worn. An {@link #ALL_SEASON} cloth answers a question about any season. */
public enum Season implements CatalogueTerm {
    SUMMER("summer", "Sommer", "sommer", "sommerlich"),
    WINTER("winter", "Winter", "winterlich"),
    SPRING("spring", "Frühling", "frühling", "frühjahr"),
    AUTUMN("autumn", "Herbst", "herbst", "fall"),
    ALL_SEASON("all-season", "ganzjährig", "ganzjährig", "ganzjahr", "allseason", "all season", "year-round",
            "four seasons");

    private final String id;
    private final String label;
    private final List<String> aliases;

    Season(String id, String label, String... aliases) {
        this.id = id;
        this.label = label;
        this.aliases = List.of(aliases);
    }

    @Override public String id() { return id; }
    @Override public String label() { return label; }
    @Override public List<String> aliases() { return aliases; }

    public static Season of(String value) {
        return CatalogueTerm.parse(values(), "season", value);
    }
}
