package de.henk.hub.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A closed vocabulary of the catalogue (season, occasion, style, garment): the English id used in the catalogue
 * and the API, a German label for reasons, and German/English aliases a customer might type as a parameter.
 */
interface CatalogueTerm {

    String id();

    String label();

    List<String> aliases();

    /** The term for an id or alias, ignoring case; {@code null} for a blank value; 400 listing the ids otherwise. */
    static <T extends CatalogueTerm> T parse(T[] terms, String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return find(terms, value).orElseThrow(() -> SearchParameters.invalid(parameter,
                parameter + " must be one of " + Arrays.stream(terms).map(CatalogueTerm::id)
                        .collect(Collectors.joining(", "))));
    }

    static <T extends CatalogueTerm> Optional<T> find(T[] terms, String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (T term : terms) {
            if (term.id().equals(wanted) || term.aliases().contains(wanted)) {
                return Optional.of(term);
            }
        }
        return Optional.empty();
    }
}
