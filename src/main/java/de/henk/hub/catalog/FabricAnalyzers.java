package de.henk.hub.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * German and English text analysis for the catalogue. German splits compounds with a small tailoring dictionary,
 * so "Sommerleinen" is also "Sommer" and "Leinen", and "Nadelstreifen" also "Streifen" — the prototype missed
 * "Leinen" entirely. Both analyzers drop German and English stop words, so "für das Büro" leaves only "Büro".
 */
final class FabricAnalyzers {

    /**
     * Parts a customer's compound is split into. Longer than three letters, and none that hides inside everyday
     * words ("reise" is in "Preise", "samt" in "insgesamt") — those are listed as whole words in the vocabulary.
     */
    static final List<String> COMPOUND_PARTS = List.of(
            // fibres and cloths
            "leinen", "wolle", "woll", "schurwolle", "baumwolle", "baumwoll", "seide", "seiden", "kaschmir",
            "mohair", "alpaka", "kamelhaar", "flanell", "tweed", "loden", "satin", "fresco", "hopsack",
            "seersucker", "köper", "leinwand", "kammgarn", "stoff", "tuch", "mischung",
            // patterns
            "streifen", "nadel", "kreide", "karo", "fischgrat", "glencheck", "pepita", "hahnentritt", "melange",
            // garments
            "anzug", "sakko", "hose", "weste", "mantel", "hemd", "smoking", "jacke",
            // seasons, weather, weight
            "sommer", "winter", "herbst", "frühling", "frühjahr", "leicht", "schwer", "warm", "knitter",
            // occasions
            "hochzeit", "trauung", "taufe", "büro", "business", "geschäft", "gala", "ball", "abend", "feier",
            // colours
            "blau", "grau", "schwarz", "braun", "beige", "grün", "weiß", "creme", "oliv", "sand", "anthrazit",
            "bordeaux");

    /** Words of a request that say nothing about cloth ("vielleicht" would otherwise split into "leicht"). */
    static final List<String> FILLER_WORDS = List.of("vielleicht", "bitte", "gern", "gerne", "etwas", "ganz", "sehr",
            "suche", "suchen", "brauche", "benötige", "möchte", "hätte", "würde", "passend", "passende", "passenden",
            "welche", "welcher", "welches", "empfehlen", "empfehlung", "zeigen", "please", "looking", "need", "want",
            "would", "like", "some", "something", "show", "recommend", "me", "my", "i", "you",
            "stoff", "stoffe", "stoffen", "tuch", "tuche", "material", "fabric", "fabrics", "cloth", "cloths");

    static final CharArraySet STOP_WORDS = stopWords();

    private static final CharArraySet DICTIONARY = dictionary();

    private FabricAnalyzers() { }

    /** StandardTokenizer → lower case → stop words → German normalisation → compound parts → light stemming. */
    static Analyzer german() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(source);
                stream = new StopFilter(stream, STOP_WORDS);
                stream = new GermanNormalizationFilter(stream);
                stream = new DictionaryCompoundWordTokenFilter(stream, DICTIONARY, 5, 4, 15, false);
                stream = new GermanLightStemFilter(stream);
                return new TokenStreamComponents(source, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new GermanNormalizationFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** Lucene's English analysis (possessives, stop words, Porter stemming) with the same stop words. */
    static Analyzer english() {
        return new EnglishAnalyzer(STOP_WORDS);
    }

    /** The tokens of a text; for a single German word the whole word comes first, then its compound parts. */
    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static CharArraySet stopWords() {
        CharArraySet stop = new CharArraySet(GermanAnalyzer.getDefaultStopSet(), true);
        stop.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        stop.addAll(FILLER_WORDS);
        return CharArraySet.unmodifiableSet(stop);
    }

    /** The dictionary in the form the compound filter sees words: lower case and German-normalised (ü → u). */
    private static CharArraySet dictionary() {
        Analyzer normaliser = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new KeywordTokenizer();
                return new TokenStreamComponents(source, new GermanNormalizationFilter(new LowerCaseFilter(source)));
            }
        };
        CharArraySet dictionary = new CharArraySet(COMPOUND_PARTS.size(), false);
        for (String part : COMPOUND_PARTS) {
            dictionary.addAll(tokens(normaliser, part));
        }
        normaliser.close();
        return CharArraySet.unmodifiableSet(dictionary);
    }
}
