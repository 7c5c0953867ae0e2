package de.henk.hub.catalog;

import de.henk.hub.catalog.FabricVocabulary.Concept;
import de.henk.hub.catalog.FabricVocabulary.Kind;
import de.henk.hub.catalog.QueryInterpreter.Interpretation;
import de.henk.hub.catalog.QueryInterpreter.Word;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.springframework.stereotype.Component;

/**
 * Fabric retrieval over the catalogue: an in-memory Lucene index with German (compound-splitting) and English
 * analysis. A search is free text plus filters. Filters exclude (garment — a suit by default, so coat cloth and
 * shirting never show up for suits —, season, style, colour, occasion, price, weight); the text ranks, by
 * relevance (BM25 over name, mill, composition, weave, pattern, colour and description) plus what the words mean
 * ("Sommerhochzeit" favours summer cloth suitable for weddings, "leicht" light cloth, "knitterarm" Fresco and
 * Hopsack). Every hit says in German why it was chosen.
 */
@Component("fabricSearch")
public class FabricSearch implements AutoCloseable {

    private static final String CODE = "code";
    private static final String GERMAN = "de";
    private static final String ENGLISH = "en";
    private static final String SEASON = "season";
    private static final String OCCASION = "occasion";
    private static final String STYLE = "style";
    private static final String GARMENT = "garment";
    private static final String FIBRE = "fibre";
    private static final String WEAVE = "weave";
    private static final String PATTERN = "pattern";
    private static final String COLOUR = "colour";
    private static final String TRAIT = "trait";
    private static final String WEIGHT = "weight";
    private static final String PRICE = "price";
    private static final String PRICE_ORDER = "price_order";
    private static final String CODE_ORDER = "code_order";

    /** How much a meaning of the request adds to text relevance (BM25 of one matching word is about 1–4). */
    private static final float OCCASION_BOOST = 2.5f;
    private static final float SEASON_BOOST = 2.5f;
    private static final float ALL_SEASON_BOOST = 1.0f;
    private static final float MATERIAL_BOOST = 3.0f;
    private static final float PATTERN_GROUP_BOOST = 2.0f;
    private static final float COLOUR_BOOST = 2.5f;
    private static final float COLOUR_FAMILY_BOOST = 2.0f;
    private static final float STYLE_BOOST = 1.5f;
    private static final float TRAIT_BOOST = 2.5f;
    private static final float CODE_BOOST = 20f;
    private static final float COMPOUND_PART_WEIGHT = 0.6f;
    /** Among fabrics that pass a season filter, those made for that season come before all-season cloth. */
    private static final float SEASON_FIT_BOOST = 1.0f;
    /** Occasions a casual cloth is the exception for: without a style asked, classic and modern cloth rank first. */
    private static final Set<Occasion> DRESSED_UP = Set.of(Occasion.WEDDING, Occasion.BUSINESS, Occasion.GALA,
            Occasion.CHRISTENING, Occasion.PROM);
    private static final float DRESSED_UP_BOOST = 0.5f;

    /** Ties (a search without text) go to the lower price, then the article code. */
    private static final Sort RANKING = new Sort(SortField.FIELD_SCORE, new SortField(PRICE_ORDER, SortField.Type.INT),
            new SortField(CODE_ORDER, SortField.Type.STRING));

    private final Analyzer german = FabricAnalyzers.german();
    private final Analyzer english = FabricAnalyzers.english();
    private final QueryInterpreter interpreter = new QueryInterpreter(german, english);
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    /** Each document's fabric by document number: a hit needs no stored-field read (the index never changes). */
    private final Indexed[] byDocument;

    /** A fabric with what the index derived from it, kept to explain hits. */
    private record Indexed(Fabric fabric, Set<String> germanTokens, Set<String> englishTokens, Set<String> fibres,
                           String weave, String pattern, Set<String> traits) { }

    public FabricSearch(FabricCatalogue catalogue) {
        Analyzer perField = new PerFieldAnalyzerWrapper(german, Map.of(ENGLISH, english));
        Map<String, Indexed> indexed = new HashMap<>();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(perField))) {
            for (Fabric fabric : catalogue.all()) {
                Indexed entry = derive(fabric);
                indexed.put(fabric.code(), entry);
                writer.addDocument(document(entry));
            }
            writer.commit();
            reader = DirectoryReader.open(directory);
            byDocument = new Indexed[reader.maxDoc()];
            org.apache.lucene.index.StoredFields stored = reader.storedFields();
            for (int doc = 0; doc < byDocument.length; doc++) {
                byDocument[doc] = indexed.get(stored.document(doc).get(CODE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The fabric index cannot be built", e);
        }
        searcher = new IndexSearcher(reader);
    }

    /**
     * {@code GET /api/fabrics/search}: query parameters as the client sent them. Bad numbers and unknown values
     * are a 400 {@code invalid_parameter} that lists what is accepted.
     */
    public FabricResults search(String q, String style, String season, String color, String occasion, String garment,
                                String maxPrice, String minWeight, String maxWeight, String limit, String lang) {
        return recommend(SearchParameters.read(q, style, season, color, occasion, garment, maxPrice, minWeight,
                maxWeight, limit, lang));
    }

    /** The fabrics that fit a customer's wishes, best first — for the API and for HENK's recommendations. */
    public FabricResults recommend(FabricQuery query) {
        Interpretation meaning = interpreter.read(query.text());
        Garment garment = query.garment() != null ? query.garment()
                : meaning.garment() != null ? meaning.garment() : Garment.SUIT;
        Integer maxPrice = query.maxPriceEur() != null ? query.maxPriceEur() : meaning.maxPriceEur();
        Colours.Wanted colour = query.colour() == null ? null : Colours.read(query.colour())
                .orElseThrow(() -> SearchParameters.invalid("color", "color must be a colour word: "
                        + Colours.accepted()));

        BooleanQuery.Builder search = new BooleanQuery.Builder();
        Query text = textQuery(meaning);
        search.add(text == null ? new MatchAllDocsQuery() : text, Occur.MUST);
        search.add(term(GARMENT, garment.id()), Occur.FILTER);
        if (query.season() != null) {
            search.add(query.season() == Season.ALL_SEASON ? term(SEASON, Season.ALL_SEASON.id())
                    : anyOf(SEASON, Set.of(query.season().id(), Season.ALL_SEASON.id())), Occur.FILTER);
            if (query.season() != Season.ALL_SEASON) {
                search.add(boost(term(SEASON, query.season().id()), SEASON_FIT_BOOST), Occur.SHOULD);
            }
        }
        if (query.style() == Style.FORMAL) {
            search.add(term(STYLE, Style.CLASSIC.id()), Occur.FILTER);
            search.add(anyOf(OCCASION, Set.of(Occasion.GALA.id(), Occasion.BUSINESS.id())), Occur.FILTER);
        } else if (query.style() != null) {
            search.add(term(STYLE, query.style().id()), Occur.FILTER);
        }
        if (colour != null) {
            search.add(anyOf(COLOUR, colourValues(colour)), Occur.FILTER);
        }
        if (query.occasion() != null) {
            search.add(term(OCCASION, query.occasion().id()), Occur.FILTER);
            if (query.style() == null && DRESSED_UP.contains(query.occasion())) {
                // no style asked: for a wedding or the office a classic or modern cloth comes before a casual one
                search.add(boost(anyOf(STYLE, Set.of(Style.CLASSIC.id(), Style.MODERN.id())), DRESSED_UP_BOOST),
                        Occur.SHOULD);
            }
        }
        if (maxPrice != null) {
            search.add(IntPoint.newRangeQuery(PRICE, 0, maxPrice), Occur.FILTER);
        }
        if (query.minWeight() != null || query.maxWeight() != null) {
            search.add(IntPoint.newRangeQuery(WEIGHT, query.minWeight() == null ? 0 : query.minWeight(),
                    query.maxWeight() == null ? Integer.MAX_VALUE : query.maxWeight()), Occur.FILTER);
        }

        try {
            TopFieldDocs top = searcher.search(search.build(), query.limit(), RANKING, true);
            List<FabricHit> hits = new ArrayList<>();
            for (ScoreDoc doc : top.scoreDocs) {
                Indexed entry = byDocument[doc.doc];
                hits.add(new FabricHit(entry.fabric(), Math.round(doc.score * 100) / 100.0,
                        reasons(entry, query, meaning, garment, maxPrice, colour)));
            }
            return new FabricResults(hits, Math.toIntExact(top.totalHits.value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }

    // --- the query -------------------------------------------------------------------------------------------

    /** What the words ask for: their meanings and the words themselves. {@code null} when they ask for nothing. */
    private Query textQuery(Interpretation meaning) {
        if (meaning.empty()) {
            return null;
        }
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        int clauses = 0;
        for (String code : meaning.codes()) {
            text.add(boost(term(CODE, code), CODE_BOOST), Occur.SHOULD);
            clauses++;
        }
        for (Concept concept : meaning.concepts()) {
            Query q = conceptQuery(concept);
            if (q != null) {
                text.add(q, Occur.SHOULD);
                clauses++;
            }
        }
        Set<String> seen = new HashSet<>();
        for (Word word : meaning.words()) {
            for (int i = 0; i < word.german().size(); i++) {
                if (seen.add(GERMAN + ":" + word.german().get(i))) {
                    Query q = new TermQuery(new Term(GERMAN, word.german().get(i)));
                    text.add(i == 0 ? q : new BoostQuery(q, COMPOUND_PART_WEIGHT), Occur.SHOULD);
                    clauses++;
                }
            }
            for (String token : word.english()) {
                if (seen.add(ENGLISH + ":" + token)) {
                    text.add(new TermQuery(new Term(ENGLISH, token)), Occur.SHOULD);
                    clauses++;
                }
            }
        }
        return clauses == 0 ? null : text.build();
    }

    private static Query conceptQuery(Concept concept) {
        return switch (concept.kind()) {
            case SEASON -> concept.values().contains(Season.ALL_SEASON.id())
                    ? boost(term(SEASON, Season.ALL_SEASON.id()), SEASON_BOOST)
                    : new BooleanQuery.Builder()
                            .add(boost(anyOf(SEASON, concept.values()), SEASON_BOOST), Occur.SHOULD)
                            .add(boost(term(SEASON, Season.ALL_SEASON.id()), ALL_SEASON_BOOST), Occur.SHOULD)
                            .build();
            case OCCASION -> boost(anyOf(OCCASION, concept.values()), OCCASION_BOOST);
            case STYLE -> concept.values().contains(Style.FORMAL.id())
                    ? new BooleanQuery.Builder()
                            .add(boost(term(STYLE, Style.CLASSIC.id()), STYLE_BOOST), Occur.SHOULD)
                            .add(boost(anyOf(OCCASION, Set.of(Occasion.GALA.id(), Occasion.BUSINESS.id())),
                                    STYLE_BOOST), Occur.SHOULD)
                            .build()
                    : boost(anyOf(STYLE, concept.values()), STYLE_BOOST);
            case FIBRE -> boost(anyOf(FIBRE, concept.values()), MATERIAL_BOOST);
            case WEAVE -> boost(anyOf(WEAVE, concept.values()), MATERIAL_BOOST);
            case PATTERN -> boost(anyOf(PATTERN, concept.values()),
                    concept.values().size() > 1 ? PATTERN_GROUP_BOOST : MATERIAL_BOOST);
            case COLOUR -> boost(anyOf(COLOUR, concept.values()),
                    concept.values().stream().anyMatch(v -> v.startsWith(FabricVocabulary.FAMILY))
                            ? COLOUR_FAMILY_BOOST : COLOUR_BOOST);
            case WEIGHT -> concept.values().contains(FabricVocabulary.LIGHT)
                    ? new BooleanQuery.Builder()
                            .add(boost(IntPoint.newRangeQuery(WEIGHT, 0, 250), 3.0f), Occur.SHOULD)
                            .add(boost(IntPoint.newRangeQuery(WEIGHT, 251, FabricVocabulary.LIGHT_UP_TO), 2.0f),
                                    Occur.SHOULD)
                            .build()
                    : new BooleanQuery.Builder()
                            .add(boost(IntPoint.newRangeQuery(WEIGHT, 400, Integer.MAX_VALUE), 3.0f), Occur.SHOULD)
                            .add(boost(IntPoint.newRangeQuery(WEIGHT, FabricVocabulary.HEAVY_FROM, 399), 2.0f),
                                    Occur.SHOULD)
                            .build();
            case TRAIT -> boost(anyOf(TRAIT, concept.values()), TRAIT_BOOST);
            case GARMENT -> null;
        };
    }

    private static Set<String> colourValues(Colours.Wanted colour) {
        return Stream.concat(colour.colours().stream(),
                colour.families().stream().map(f -> FabricVocabulary.FAMILY + f)).collect(Collectors.toSet());
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    private static Query anyOf(String field, Set<String> values) {
        if (values.size() == 1) {
            return term(field, values.iterator().next());
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.stream().sorted().forEach(v -> any.add(term(field, v), Occur.SHOULD));
        return any.build();
    }

    /** A fixed contribution, however often the term occurs. */
    private static Query boost(Query query, float boost) {
        return new BoostQuery(new ConstantScoreQuery(query), boost);
    }

    // --- the index -------------------------------------------------------------------------------------------

    /** The German side of a cloth: everything the catalogue says about it in German. */
    private static String germanText(Fabric fabric) {
        return String.join(" ", fabric.name(), fabric.mill(), fabric.composition(), fabric.weave(), fabric.pattern(),
                fabric.colour(), fabric.descriptionDe());
    }

    private Indexed derive(Fabric fabric) {
        return new Indexed(fabric,
                Set.copyOf(FabricAnalyzers.tokens(german, germanText(fabric))),
                Set.copyOf(FabricAnalyzers.tokens(english, FabricVocabulary.englishText(fabric))),
                FabricVocabulary.fibres(fabric.composition()).stream().map(FabricVocabulary.Fibre::key)
                        .collect(Collectors.toUnmodifiableSet()),
                FabricVocabulary.weave(fabric.weave()).orElseThrow().key(),
                FabricVocabulary.pattern(fabric.pattern()).orElseThrow().key(),
                FabricVocabulary.traits(fabric));
    }

    private static Document document(Indexed entry) {
        Fabric fabric = entry.fabric();
        Document doc = new Document();
        doc.add(new StringField(CODE, fabric.code(), Field.Store.YES));
        doc.add(new SortedDocValuesField(CODE_ORDER, new BytesRef(fabric.code())));
        doc.add(new TextField(GERMAN, germanText(fabric), Field.Store.NO));
        doc.add(new TextField(ENGLISH, FabricVocabulary.englishText(fabric), Field.Store.NO));
        fabric.seasons().forEach(v -> doc.add(new StringField(SEASON, v, Field.Store.NO)));
        fabric.occasions().forEach(v -> doc.add(new StringField(OCCASION, v, Field.Store.NO)));
        fabric.styles().forEach(v -> doc.add(new StringField(STYLE, v, Field.Store.NO)));
        fabric.garments().forEach(v -> doc.add(new StringField(GARMENT, v, Field.Store.NO)));
        entry.fibres().forEach(v -> doc.add(new StringField(FIBRE, v, Field.Store.NO)));
        doc.add(new StringField(WEAVE, entry.weave(), Field.Store.NO));
        doc.add(new StringField(PATTERN, entry.pattern(), Field.Store.NO));
        doc.add(new StringField(COLOUR, fabric.colour(), Field.Store.NO));
        Colours.of(fabric.colour()).families()
                .forEach(f -> doc.add(new StringField(COLOUR, FabricVocabulary.FAMILY + f, Field.Store.NO)));
        entry.traits().forEach(v -> doc.add(new StringField(TRAIT, v, Field.Store.NO)));
        doc.add(new IntPoint(WEIGHT, fabric.weightGramsPerMetre()));
        doc.add(new IntPoint(PRICE, fabric.suitPriceEur()));
        doc.add(new NumericDocValuesField(PRICE_ORDER, fabric.suitPriceEur()));
        return doc;
    }

    // --- why -------------------------------------------------------------------------------------------------

    private static List<String> reasons(Indexed entry, FabricQuery query, Interpretation meaning, Garment garment,
                                        Integer maxPrice, Colours.Wanted colour) {
        Fabric fabric = entry.fabric();
        boolean en = query.english();
        Set<String> reasons = new LinkedHashSet<>();
        meaning.codes().stream().filter(fabric.code()::equals)
                .forEach(c -> reasons.add((en ? "Article: " : "Artikel: ") + c));

        Set<Season> seasons = new LinkedHashSet<>();
        if (query.season() != null) {
            seasons.add(query.season());
        }
        meaning.of(Kind.SEASON).forEach(c -> seasons.add(Season.of(c.values().iterator().next())));
        for (Season season : seasons) {
            Season worn = fabric.wornIn(season) ? season : fabric.wornIn(Season.ALL_SEASON) ? Season.ALL_SEASON : null;
            if (worn != null) {
                reasons.add((en ? "Season: " : "Saison: ") + label(worn, en));
            }
        }
        for (Concept c : meaning.of(Kind.FIBRE)) {
            if (entry.fibres().containsAll(c.values())) {
                reasons.add(en ? "Cloth: " + FabricVocabulary.english(c) : "Stoff: " + c.label());
            }
        }
        if (meaning.of(Kind.WEAVE).stream().anyMatch(c -> c.values().contains(entry.weave()))) {
            reasons.add(en ? "Weave: " + fabric.weaveEn() : "Bindung: " + fabric.weave());
        }
        if (meaning.of(Kind.PATTERN).stream().anyMatch(c -> c.values().contains(entry.pattern()))) {
            reasons.add(en ? "Pattern: " + fabric.patternEn() : "Muster: " + fabric.pattern());
        }
        boolean colourWanted = colour != null && colour.matches(fabric.colour());
        for (Concept c : meaning.of(Kind.COLOUR)) {
            colourWanted |= c.values().contains(fabric.colour()) || Colours.of(fabric.colour()).families().stream()
                    .anyMatch(f -> c.values().contains(FabricVocabulary.FAMILY + f));
        }
        if (colourWanted) {
            reasons.add(en ? "Colour: " + fabric.colourEn() : "Farbe: " + fabric.colour());
        }
        for (Concept c : meaning.of(Kind.WEIGHT)) {
            int weight = fabric.weightGramsPerMetre();
            if (c.values().contains(FabricVocabulary.LIGHT) && weight <= FabricVocabulary.LIGHT_UP_TO) {
                reasons.add((en ? "light: " : "leicht: ") + weight + " g/m");
            } else if (c.values().contains(FabricVocabulary.HEAVY) && weight >= FabricVocabulary.HEAVY_FROM) {
                reasons.add((en ? "heavy: " : "schwer: ") + weight + " g/m");
            }
        }
        if (!meaning.of(Kind.TRAIT).isEmpty() && entry.traits().contains(FabricVocabulary.CREASE_RESISTANT)) {
            reasons.add(en ? "crease-resistant" : "knitterarm");
        }
        Set<Occasion> occasions = new LinkedHashSet<>();
        if (query.occasion() != null) {
            occasions.add(query.occasion());
        }
        meaning.of(Kind.OCCASION).forEach(c -> occasions.add(Occasion.of(c.values().iterator().next())));
        occasions.stream().filter(fabric::suits)
                .forEach(o -> reasons.add((en ? "suits: " : "passt zu: ") + label(o, en)));
        Set<Style> styles = new LinkedHashSet<>();
        if (query.style() != null) {
            styles.add(query.style());
        }
        meaning.of(Kind.STYLE).forEach(c -> styles.add(Style.of(c.values().iterator().next())));
        styles.stream().filter(fabric::hasStyle).forEach(s -> reasons.add((en ? "Style: " : "Stil: ") + label(s, en)));
        if (query.garment() != null || meaning.garment() != null) {
            reasons.add((en ? "made as: " : "geeignet für: ") + label(garment, en));
        }
        if (query.minWeight() != null || query.maxWeight() != null) {
            reasons.add((en ? "Weight: " : "Gewicht: ") + fabric.weightGramsPerMetre() + " g/m");
        }
        if (maxPrice != null) {
            boolean under = fabric.suitPriceEur() < maxPrice;
            reasons.add(en ? (under ? "under " : "up to ") + "€" + ENGLISH_INTEGER.get().format(maxPrice)
                    : (under ? "unter " : "bis ") + euros(maxPrice));
        }
        StringBuilder matched = new StringBuilder();
        int previous = -2;
        for (Word word : meaning.words()) {
            if (!word.meaningful() && (word.german().stream().anyMatch(entry.germanTokens()::contains)
                    || word.english().stream().anyMatch(entry.englishTokens()::contains))) {
                // neighbouring words stay together: "Loro Piana", not "Loro, Piana"
                matched.append(matched.isEmpty() ? "" : word.position() == previous + 1 ? " " : ", ")
                        .append(word.word());
                previous = word.position();
            }
        }
        if (!matched.isEmpty()) {
            reasons.add((en ? "Search term: " : "Suchbegriff: ") + matched);
        }
        return List.copyOf(reasons);
    }

    /** A season, occasion, style or garment as the reasons name it: the German label, or the English id. */
    private static String label(CatalogueTerm term, boolean english) {
        return english ? FabricVocabulary.english(term.id()) : term.label();
    }

    /** English integer format ("2,500"), one per thread. */
    private static final ThreadLocal<NumberFormat> ENGLISH_INTEGER = ThreadLocal.withInitial(
            () -> NumberFormat.getIntegerInstance(Locale.UK));

    /** German integer format ("2.500"), one per thread: getIntegerInstance clones a new one on every call. */
    private static final ThreadLocal<NumberFormat> GERMAN_INTEGER = ThreadLocal.withInitial(
            () -> NumberFormat.getIntegerInstance(Locale.GERMANY));

    private static String euros(int amount) {
        return GERMAN_INTEGER.get().format(amount) + " €";
    }
}
