package de.henk.hub.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue's colours (German names, as a tailor says them) and the families a customer asks for:
 * "blau" or "blue" finds marineblau, mitternachtsblau and hellblau; "navy" or "marineblau" finds only marineblau.
 */
final class Colours {

    /** A catalogue colour: its German name, English name, and the families it belongs to. */
    record Colour(String name, String english, Set<String> families) { }

    /** What a colour word asks for: these exact colours, or any colour of these families. */
    record Wanted(String label, Set<String> colours, Set<String> families) {
        boolean matches(String colour) {
            Colour known = COLOURS.get(colour);
            return colours.contains(colour)
                    || (known != null && known.families().stream().anyMatch(families::contains));
        }
    }

    static final Map<String, Colour> COLOURS = new LinkedHashMap<>();
    /** Family (German) and the words that name it, German and English. */
    static final Map<String, List<String>> FAMILIES = new LinkedHashMap<>();
    /** Further words for exact catalogue colours. */
    static final Map<String, Set<String>> SYNONYMS = new LinkedHashMap<>();
    /** A tone asked for without a colour ("dunkel", "light"): the catalogue colours of that tone. */
    static final Map<String, Set<String>> TONES = new LinkedHashMap<>();
    private static final Map<String, List<String>> TONE_WORDS = new LinkedHashMap<>();
    /** A shade of a family said with its tone, as the chat's profile names it: "dunkelgrün" is bottle green and olive. */
    static final Map<String, Set<String>> SHADES = new LinkedHashMap<>();
    private static final Map<String, List<String>> SHADE_WORDS = new LinkedHashMap<>();

    static {
        colour("marineblau", "navy", "blau");
        colour("mitternachtsblau", "midnight blue", "blau");
        colour("hellblau", "light blue", "blau");
        colour("blau", "blue", "blau");
        colour("anthrazit", "charcoal", "grau");
        colour("mittelgrau", "mid grey", "grau");
        colour("hellgrau", "light grey", "grau");
        colour("taupe", "taupe", "grau", "braun");
        colour("schwarz", "black", "schwarz");
        colour("braun", "brown", "braun");
        colour("tabak", "tobacco", "braun");
        colour("camel", "camel", "braun", "beige");
        colour("beige", "beige", "beige");
        colour("sand", "sand", "beige");
        colour("creme", "cream", "beige", "weiß");
        colour("weiß", "white", "weiß");
        colour("oliv", "olive", "grün");
        colour("salbei", "sage", "grün");
        colour("grün", "green", "grün");
        colour("bordeaux", "burgundy", "rot");

        FAMILIES.put("blau", List.of("blau", "blue"));
        FAMILIES.put("grau", List.of("grau", "grey", "gray"));
        FAMILIES.put("schwarz", List.of("schwarz", "black"));
        FAMILIES.put("braun", List.of("braun", "brown"));
        FAMILIES.put("beige", List.of("beige", "natur", "natural", "tan"));
        FAMILIES.put("grün", List.of("grün", "green"));
        FAMILIES.put("rot", List.of("rot", "red"));
        FAMILIES.put("weiß", List.of("weiß", "weiss", "white"));

        SYNONYMS.put("marineblau", Set.of("navy", "navyblau", "navy blue", "marine"));
        SYNONYMS.put("mitternachtsblau", Set.of("midnight", "nachtblau", "midnight blue"));
        SYNONYMS.put("hellblau", Set.of("light blue", "pale blue", "himmelblau", "bleu"));
        SYNONYMS.put("anthrazit", Set.of("charcoal", "dunkelgrau", "dark grey", "dark gray", "charcoal grey"));
        SYNONYMS.put("mittelgrau", Set.of("mid grey", "mid gray", "medium grey", "medium gray"));
        SYNONYMS.put("hellgrau", Set.of("light grey", "light gray", "silbergrau", "silver", "silber"));
        SYNONYMS.put("creme", Set.of("cream", "crème", "ecru", "elfenbein", "ivory", "offwhite", "off white"));
        SYNONYMS.put("oliv", Set.of("olive", "olivgrün", "khaki"));
        SYNONYMS.put("salbei", Set.of("sage", "salbeigrün"));
        SYNONYMS.put("bordeaux", Set.of("burgundy", "weinrot", "bordeauxrot", "wine"));
        SYNONYMS.put("tabak", Set.of("tobacco", "tabakbraun"));
        SYNONYMS.put("braun", Set.of("chocolate", "dunkelbraun", "schokobraun"));
        SYNONYMS.put("camel", Set.of("kamel", "camelhair"));
        SYNONYMS.put("schwarz", Set.of("black"));
        SYNONYMS.put("weiß", Set.of("white"));

        TONES.put("dunkel", Set.of("marineblau", "mitternachtsblau", "anthrazit", "schwarz", "braun", "bordeaux", "oliv"));
        TONES.put("hell", Set.of("hellblau", "hellgrau", "beige", "sand", "creme", "weiß", "camel", "salbei"));
        TONE_WORDS.put("dunkel", List.of("dunkel", "dark"));
        TONE_WORDS.put("hell", List.of("hell", "light"));
        shade("dunkelblau", List.of("dunkelblau", "dark blue"), "marineblau", "mitternachtsblau");
        shade("dunkelgrün", List.of("dunkelgrün", "dark green", "flaschengrün", "bottle green"), "grün", "oliv");
        shade("hellbraun", List.of("hellbraun", "light brown"), "camel", "sand");
    }

    private Colours() { }

    private static void colour(String name, String english, String... families) {
        COLOURS.put(name, new Colour(name, english, Set.of(families)));
    }

    private static void shade(String name, List<String> words, String... colours) {
        SHADES.put(name, Set.of(colours));
        SHADE_WORDS.put(name, words);
    }

    static boolean known(String colour) {
        return COLOURS.containsKey(colour);
    }

    static Colour of(String colour) {
        return COLOURS.get(colour);
    }

    /**
     * What a colour word means: a family word ("blau", "grey") asks for the family, a catalogue colour or its
     * synonym ("marineblau", "navy") for that colour, and a German compound ending in a family word
     * ("tannengrün", "dunkelblau" has its own entry) for the family; a tone ("dunkel", "light") for the catalogue
     * colours of that tone.
     */
    static Optional<Wanted> read(String word) {
        if (word == null || word.isBlank()) {
            return Optional.empty();
        }
        String plain = word.trim().toLowerCase(Locale.GERMAN).replace('-', ' ').replaceAll("\\s+", " ");
        for (Map.Entry<String, List<String>> family : FAMILIES.entrySet()) {
            if (family.getValue().contains(plain)) {
                return Optional.of(new Wanted(family.getKey(), Set.of(), Set.of(family.getKey())));
            }
        }
        for (Colour colour : COLOURS.values()) {
            if (colour.name().equals(plain) || colour.english().equals(plain)
                    || SYNONYMS.getOrDefault(colour.name(), Set.of()).contains(plain)) {
                return Optional.of(new Wanted(colour.name(), Set.of(colour.name()), Set.of()));
            }
        }
        for (Map.Entry<String, List<String>> tone : TONE_WORDS.entrySet()) {
            if (tone.getValue().contains(plain)) {
                return Optional.of(new Wanted(tone.getKey(), TONES.get(tone.getKey()), Set.of()));
            }
        }
        for (Map.Entry<String, Set<String>> shade : SHADES.entrySet()) {
            if (SHADE_WORDS.get(shade.getKey()).contains(plain)) {
                return Optional.of(new Wanted(shade.getKey(), shade.getValue(), Set.of()));
            }
        }
        for (Map.Entry<String, List<String>> family : FAMILIES.entrySet()) {
            for (String familyWord : family.getValue()) {
                if (familyWord.length() >= 3 && (plain.endsWith(familyWord) || plain.endsWith(" " + familyWord))) {
                    return Optional.of(new Wanted(family.getKey(), Set.of(), Set.of(family.getKey())));
                }
            }
        }
        return Optional.empty();
    }

    /** The words a {@code color} parameter accepts, for the error message. */
    static String accepted() {
        return String.join(", ", FAMILIES.keySet()) + " (or blue, grey, black, brown, green, red, white), "
                + "a tone (dunkel, hell, dark, light), "
                + "or a catalogue colour such as " + String.join(", ", COLOURS.keySet());
    }
}
