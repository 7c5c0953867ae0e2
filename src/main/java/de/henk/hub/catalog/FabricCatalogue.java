package de.henk.hub.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import de.henk.hub.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The fabrics the shop sells, read once from {@code catalog/fabrics.json} on the classpath. A catalogue with an
 * unknown season, garment, colour or a duplicate code stops the hub at start rather than answering wrongly later.
 */
@Component("fabricCatalogue")
public class FabricCatalogue {

    public static final String RESOURCE = "catalog/fabrics.json";

    static final Set<String> PRICE_TIERS = Set.of("essential", "premium", "luxury");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final Map<String, Fabric> byCode = new LinkedHashMap<>();

    public FabricCatalogue() {
        this(read(RESOURCE));
    }

    public FabricCatalogue(List<Fabric> fabrics) {
        List<String> problems = new ArrayList<>();
        for (Fabric fabric : fabrics) {
            problems.addAll(problems(fabric));
            if (byCode.put(key(fabric.code()), fabric) != null) {
                problems.add(fabric.code() + ": duplicate code");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The fabric catalogue is invalid: " + String.join("; ", problems));
        }
    }

    public List<Fabric> all() {
        return List.copyOf(byCode.values());
    }

    public int size() {
        return byCode.size();
    }

    public Optional<Fabric> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(key(code)));
    }

    /** One fabric by its article code (case does not matter); 404 {@code fabric_not_found} otherwise. */
    public Fabric get(String code) {
        return find(code).orElseThrow(() -> ApiException.notFound("fabric_not_found",
                "There is no fabric with the code " + (code == null ? "" : code.strip())));
    }

    static List<Fabric> read(String resource) {
        try (InputStream in = FabricCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Fabric catalogue " + resource + " is not on the classpath");
            }
            return JSON.readValue(in, new TypeReference<List<Fabric>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("Fabric catalogue " + resource + " cannot be read", e);
        }
    }

    private static String key(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    /** Everything wrong with one entry, so a broken catalogue names all its mistakes at once. */
    static List<String> problems(Fabric f) {
        List<String> problems = new ArrayList<>();
        String code = f.code() == null ? "(no code)" : f.code();
        if (f.code() == null || !f.code().matches("[A-Z]{2,4}-\\d{4}")) {
            problems.add(code + ": code must look like VBC-2311");
        }
        for (var text : Map.of("mill", String.valueOf(f.mill()), "name", String.valueOf(f.name()),
                "composition", String.valueOf(f.composition()), "description_de", String.valueOf(f.descriptionDe()),
                "colour_en", String.valueOf(f.colourEn())).entrySet()) {
            if (text.getValue().isBlank() || text.getValue().equals("null")) {
                problems.add(code + ": " + text.getKey() + " is missing");
            }
        }
        unknown(problems, code, "season", f.seasons(), Season.values());
        unknown(problems, code, "occasion", f.occasions(), Occasion.values());
        unknown(problems, code, "style", f.styles(), Arrays.stream(Style.values()).filter(Style::tagged)
                .toArray(Style[]::new));
        unknown(problems, code, "garment", f.garments(), Garment.values());
        if (f.seasons().contains(Season.ALL_SEASON.id()) && f.seasons().size() > 1) {
            problems.add(code + ": all-season stands alone");
        }
        boolean coat = f.garments().contains(Garment.COAT.id());
        boolean shirt = f.garments().contains(Garment.SHIRT.id());
        if ((coat || shirt) && f.garments().size() > 1) {
            problems.add(code + ": coat cloth and shirting are for nothing else");
        }
        if (!PRICE_TIERS.contains(f.priceTier())) {
            problems.add(code + ": price_tier must be one of " + PRICE_TIERS);
        }
        if (!Colours.known(f.colour())) {
            problems.add(code + ": unknown colour " + f.colour() + " (add it to Colours)");
        } else if (!Colours.of(f.colour()).english().equals(f.colourEn())) {
            problems.add(code + ": colour_en of " + f.colour() + " is " + Colours.of(f.colour()).english());
        }
        if (FabricVocabulary.weave(f.weave()).isEmpty()) {
            problems.add(code + ": unknown weave " + f.weave() + " (add it to FabricVocabulary)");
        }
        if (FabricVocabulary.pattern(f.pattern()).isEmpty()) {
            problems.add(code + ": unknown pattern " + f.pattern() + " (add it to FabricVocabulary)");
        }
        if (f.composition() != null && FabricVocabulary.fibres(f.composition()).isEmpty()) {
            problems.add(code + ": no known fibre in " + f.composition());
        }
        if (f.weightGramsPerMetre() < 60 || f.weightGramsPerMetre() > 800) {
            problems.add(code + ": weight_g_m out of range");
        }
        if (f.suitPriceEur() < 100 || f.suitPriceEur() > 6_900) {
            problems.add(code + ": suit_price_eur out of range");
        }
        return problems;
    }

    private static void unknown(List<String> problems, String code, String field, List<String> values,
                                CatalogueTerm[] allowed) {
        Set<String> ids = Arrays.stream(allowed).map(CatalogueTerm::id).collect(Collectors.toSet());
        if (values.isEmpty()) {
            problems.add(code + ": " + field + "s are missing");
        }
        values.stream().filter(v -> !ids.contains(v))
                .forEach(v -> problems.add(code + ": unknown " + field + " " + v));
    }
}
