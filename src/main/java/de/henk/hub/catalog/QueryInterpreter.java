package de.henk.hub.catalog;

import de.henk.hub.catalog.FabricVocabulary.Concept;
import de.henk.hub.catalog.FabricVocabulary.Kind;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;

/**
 * Reads a customer's words into what they mean for the catalogue: concepts (occasion, season, fibre, pattern,
 * colour, weight, …), the garment they name, an article code, a price limit ("unter 2.000 €"), and the remaining
 * words for full-text relevance. German and English, inflected and compounded: "Sommerhochzeit" is summer and
 * wedding, "leichter" is light, "Leinenmischung" is linen.
 */
final class QueryInterpreter {

    /**
     * A word of the request that is searched as text: its position, its German tokens (whole word first, then
     * compound parts) and English tokens; {@code meaningful} when it was also read as a concept.
     */
    record Word(int position, String word, List<String> german, List<String> english, boolean meaningful) { }

    /** What a request means. {@code garment} and {@code maxPriceEur} are {@code null} when it does not say. */
    record Interpretation(List<Concept> concepts, Garment garment, Integer maxPriceEur, Set<String> codes,
                          List<Word> words) {

        static final Interpretation NOTHING = new Interpretation(List.of(), null, null, Set.of(), List.of());

        boolean empty() {
            return concepts.isEmpty() && codes.isEmpty() && words.isEmpty();
        }

        List<Concept> of(Kind kind) {
            return concepts.stream().filter(c -> c.kind() == kind).toList();
        }
    }

    /** When a request names several garments, the more specific one wins: "Hemd zum Anzug" is about a shirt. */
    private static final List<Garment> GARMENT_PRIORITY = List.of(Garment.TUXEDO, Garment.COAT, Garment.SHIRT,
            Garment.SUIT, Garment.JACKET, Garment.TROUSERS, Garment.VEST);

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’]\\p{L}+)?");
    private static final Pattern CODE = Pattern.compile("\\b(\\p{L}{2,4})-(\\d{4})\\b");
    private static final String AMOUNT = "(\\d{1,3}(?:[.' ]\\d{3})+|\\d+)(?:,(\\d{1,2})|,-)?\\s*(k|tsd\\.?)?";
    private static final Pattern PRICE_LIMIT = Pattern.compile(
            "\\b(?:unter|bis(?: zu)?|max(?:imal|\\.)?|höchstens|nicht mehr als|under|below|up to|less than|"
                    + "budget(?: von| of)?)\\s*(?:€|eur(?:o|os)?)?\\s*" + AMOUNT + "\\s*(?:€|eur(?:o|os)?\\b)?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Pronouns before "weiß": "ich weiß nicht" is about knowing, not about white. */
    private static final Set<String> KNOWING = Set.of("ich", "er", "sie", "man", "wer", "niemand", "jeder");

    private final Analyzer german;
    private final Analyzer english;
    private final Map<String, Set<Concept>> germanKeys = new HashMap<>();
    private final Map<String, Set<Concept>> englishKeys = new HashMap<>();
    private final Map<List<String>, Set<Concept>> phrases = new LinkedHashMap<>();

    QueryInterpreter(Analyzer german, Analyzer english) {
        this.german = german;
        this.english = english;
        for (Concept concept : FabricVocabulary.concepts()) {
            for (String word : concept.words()) {
                List<String> words = words(word);
                if (words.size() > 1) {
                    phrases.computeIfAbsent(words, w -> new LinkedHashSet<>()).add(concept);
                } else {
                    key(germanKeys, first(FabricAnalyzers.tokens(german, word)), concept);
                    key(englishKeys, first(FabricAnalyzers.tokens(english, word)), concept);
                }
            }
        }
    }

    Interpretation read(String text) {
        if (text == null || text.isBlank()) {
            return Interpretation.NOTHING;
        }
        Set<String> codes = new LinkedHashSet<>();
        Matcher code = CODE.matcher(text);
        while (code.find()) {
            codes.add(code.group(1).toUpperCase(Locale.ROOT) + "-" + code.group(2));
        }
        String rest = CODE.matcher(text).replaceAll(" ");
        Integer maxPrice = null;
        Matcher price = PRICE_LIMIT.matcher(rest);
        if (price.find()) {
            maxPrice = euros(price.group(1), price.group(2), price.group(3));
            rest = rest.substring(0, price.start()) + " " + rest.substring(price.end());
        }

        List<String> original = new ArrayList<>();
        Matcher word = WORD.matcher(rest);
        while (word.find()) {
            original.add(word.group());
        }
        List<String> normalised = original.stream().map(QueryInterpreter::normalise).toList();
        boolean[] used = new boolean[original.size()];
        Map<String, Concept> concepts = new LinkedHashMap<>();
        phrases(normalised, used, concepts);

        List<Word> terms = new ArrayList<>();
        for (int i = 0; i < original.size(); i++) {
            String w = original.get(i);
            if (used[i] || w.chars().allMatch(Character::isDigit)) {
                continue;
            }
            if (normalised.get(i).equals("weiss") && i > 0 && KNOWING.contains(normalised.get(i - 1))) {
                continue;
            }
            List<String> de = FabricAnalyzers.tokens(german, w);
            List<String> en = FabricAnalyzers.tokens(english, w);
            if (de.isEmpty() && en.isEmpty()) {
                continue;
            }
            Set<Concept> whole = wholeWordConcepts(de, en);
            Set<Concept> found = new LinkedHashSet<>(whole);
            found.addAll(partConcepts(de, whole));
            found.forEach(c -> concepts.putIfAbsent(c.id(), c));
            boolean onlyGarment = !found.isEmpty() && found.stream().allMatch(c -> c.kind() == Kind.GARMENT);
            if (!onlyGarment) {
                // a word that means something as a whole is searched as a whole: "Baumwolle" is not "Wolle"
                List<String> searched = whole.isEmpty() || de.isEmpty() ? de : de.subList(0, 1);
                terms.add(new Word(i, w, searched, en, !found.isEmpty()));
            }
        }
        List<Concept> all = List.copyOf(concepts.values());
        return new Interpretation(all, garment(all), maxPrice, codes, terms);
    }

    private Set<Concept> wholeWordConcepts(List<String> de, List<String> en) {
        Set<Concept> whole = new LinkedHashSet<>();
        if (!de.isEmpty()) {
            whole.addAll(germanKeys.getOrDefault(de.get(0), Set.of()));
        }
        if (!en.isEmpty()) {
            whole.addAll(englishKeys.getOrDefault(en.get(0), Set.of()));
        }
        return whole;
    }

    /**
     * The meanings of a compound's parts ("Sommerhochzeit": summer, wedding). When the whole word already means
     * something, its parts only add other kinds of meaning: "Nadelstreifen" is a pinstripe, not any stripe.
     */
    private Set<Concept> partConcepts(List<String> de, Set<Concept> whole) {
        EnumSet<Kind> kinds = EnumSet.noneOf(Kind.class);
        whole.forEach(c -> kinds.add(c.kind()));
        Set<Concept> found = new LinkedHashSet<>();
        for (String part : de.subList(Math.min(1, de.size()), de.size())) {
            germanKeys.getOrDefault(part, Set.of()).stream().filter(c -> !kinds.contains(c.kind()))
                    .forEach(found::add);
        }
        return found;
    }

    /** Longer phrases first, so "prince of wales" is read before any shorter phrase inside it. */
    private void phrases(List<String> words, boolean[] used, Map<String, Concept> concepts) {
        List<Map.Entry<List<String>, Set<Concept>>> longestFirst = new ArrayList<>(phrases.entrySet());
        longestFirst.sort((a, b) -> b.getKey().size() - a.getKey().size());
        for (Map.Entry<List<String>, Set<Concept>> phrase : longestFirst) {
            List<String> p = phrase.getKey();
            for (int i = 0; i + p.size() <= words.size(); i++) {
                if (words.subList(i, i + p.size()).equals(p) && !anyUsed(used, i, p.size())) {
                    for (int j = i; j < i + p.size(); j++) {
                        used[j] = true;
                    }
                    phrase.getValue().forEach(c -> concepts.putIfAbsent(c.id(), c));
                }
            }
        }
    }

    private static boolean anyUsed(boolean[] used, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (used[i]) {
                return true;
            }
        }
        return false;
    }

    private static Garment garment(List<Concept> concepts) {
        Set<String> named = new LinkedHashSet<>();
        concepts.stream().filter(c -> c.kind() == Kind.GARMENT).forEach(c -> named.addAll(c.values()));
        return GARMENT_PRIORITY.stream().filter(g -> named.contains(g.id())).findFirst().orElse(null);
    }

    private static Integer euros(String number, String cents, String thousands) {
        long value = Long.parseLong(number.replaceAll("[.' ]", ""));
        if (thousands != null) {
            // "2,5k" is 2500
            value = value * 1000 + (cents == null ? 0 : Long.parseLong((cents + "00").substring(0, 3)));
        }
        // "unter 3" is not a price; a suit costs at least three digits
        return value >= 100 && value <= 1_000_000 ? (int) value : null;
    }

    private static void key(Map<String, Set<Concept>> keys, String token, Concept concept) {
        if (token != null) {
            keys.computeIfAbsent(token, t -> new LinkedHashSet<>()).add(concept);
        }
    }

    private static String first(List<String> tokens) {
        return tokens.isEmpty() ? null : tokens.get(0);
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(normalise(m.group()));
        }
        return words;
    }

    /** Lower case without accents or umlauts, ß as ss: how phrases are compared. */
    static String normalise(String word) {
        String lower = word.toLowerCase(Locale.GERMAN).replace("ß", "ss").replace('’', '\'');
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
