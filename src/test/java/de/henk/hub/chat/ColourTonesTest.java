package de.henk.hub.chat;

import de.henk.hub.catalog.FabricCatalogue;
import de.henk.hub.catalog.FabricQuery;
import de.henk.hub.catalog.FabricSearch;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tone said without a colour — "eher dunkel", "something dark", "helle Farben" — is a colour wish ({@code dunkel},
 * {@code hell}) the fabric advice keeps to; a tone ruled out ("nicht zu dunkel") is avoided.
 */
class ColourTonesTest {

    private static final FabricSearch SEARCH = new FabricSearch(new FabricCatalogue());

    private final ProfileExtractor extractor =
            new ProfileExtractor(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "dunkel | dunkel", "eher dunkel | dunkel", "Eher dunkel bitte. | dunkel", "something dark | dunkel",
            "a dark suit please | dunkel", "ich hätte gern einen dunklen Anzug | dunkel", "lieber etwas Dunkles | dunkel",
            "darker colours | dunkel", "hell | hell", "eher hell | hell", "helle Farben bitte | hell",
            "gern etwas Helles für den Sommer | hell", "light colours please | hell", "something light-coloured | hell",
            "pale tones | hell"})
    void aToneAloneIsAColourWish(String message, String tone) {
        ConversationProfile p = extractor.extract(message, Phase.STYLE);
        assertThat(p.colours()).as(message).containsExactly(tone);
        assertThat(p.avoidColours()).as(message).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "dunkles Blau | dunkelblau", "ein helles Grau | hellgrau", "dark blue | dunkelblau", "dunkelgrau | anthrazit",
            "hellblau | hellblau", "pale blue | hellblau"})
    void aToneWithAColourIsThatColour(String message, String colour) {
        assertThat(extractor.extract(message).colours()).as(message).containsExactly(colour);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"nicht zu dunkel | dunkel", "bitte nichts Dunkles | dunkel",
            "nicht so hell, eher gedeckt | hell", "nothing too dark | dunkel", "not too light in colour | hell"})
    void aToneRuledOutIsAvoided(String message, String tone) {
        ConversationProfile p = extractor.extract(message);
        assertThat(p.avoidColours()).as(message).containsExactly(tone);
        assertThat(p.colours()).as(message).doesNotContain(tone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"something light for the summer", "what the hell, let's do it", "hell yes, a suit",
            "Der Termin ist im Dunkeln", "a dark horse of a wedding"})
    void otherWordsAreNoTone(String message) {
        ConversationProfile p = extractor.extract(message);
        assertThat(p.colours()).as(message).doesNotContain("hell").doesNotContain("dunkel");
    }

    @ParameterizedTest
    @ValueSource(strings = {"something light for the summer", "leicht und luftig",
            "I'm getting married in August in Italy, outdoors, it'll be hot", "Wolle, aber nicht zu schwer",
            "bei der Hitze im Juli", "nothing too heavy, the heat there is brutal", "Hochzeit im Juli, es wird warm",
            "outdoor wedding in Spain, it will be very warm", "it'll be warm there", "für warmes Wetter",
            "we expect warm weather", "wenn es warm ist, schwitze ich schnell"})
    void lightCanStillMeanALightCloth(String message) {
        assertThat(extractor.extract(message).fabricWishes()).as(message).contains("light").doesNotContain("warm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"warme Farben mag ich", "I like warm colours, maybe brown", "warme Töne bitte",
            "es wird warm", "warm weather in June"})
    void warmWeatherAndWarmColoursAskForNoWarmCloth(String message) {
        assertThat(extractor.extract(message).fabricWishes()).as(message).doesNotContain("warm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"etwas Warmes für den Winter", "a warm cloth, please", "der Stoff soll warm halten",
            "something heavier"})
    void aWarmClothIsStillAWarmCloth(String message) {
        assertThat(extractor.extract(message).fabricWishes()).as(message).contains("warm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ich heiße Max", "Hochzeit im Juli, 2000 Euro", "a hot pink lining? no thanks"})
    void otherWordsAskForNoLightCloth(String message) {
        assertThat(extractor.extract(message).fabricWishes()).as(message).doesNotContain("light");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"dunkel | anthrazit", "hell | hellgrau"})
    void theAdviceKeepsToTheTone(String tone, String member) {
        FabricAdvisor advisor = new FabricAdvisor(SEARCH);
        ConversationProfile wanted = ConversationProfile.builder().occasion("business").garment("suit")
                .colours(java.util.List.of(tone), java.util.List.of()).build();
        FabricAdvisor.Advice advice = advisor.advise(wanted, null, FabricAdvisor.PROPOSALS);
        assertThat(advice.fabrics()).isNotEmpty();
        assertThat(advice.fabrics()).allMatch(h -> FabricFit.inColour(h.fabric(), tone));
        assertThat(advice.unmet()).isEmpty();
        assertThat(FabricFit.inColour(new FabricCatalogue().all().stream()
                .filter(f -> f.colour().equals(member)).findFirst().orElseThrow(), tone)).isTrue();

        ConversationProfile avoided = ConversationProfile.builder().occasion("business").garment("suit")
                .colours(java.util.List.of(), java.util.List.of(tone)).build();
        assertThat(advisor.recommend(avoided)).isNotEmpty()
                .noneMatch(h -> FabricFit.inColour(h.fabric(), tone));
        // the catalogue search understands the tone too (GET /api/fabrics/search?color=dunkel)
        assertThat(SEARCH.recommend(FabricQuery.builder().colour(tone).limit(10)
                .build()).fabrics()).isNotEmpty().allMatch(h -> FabricFit.inColour(h.fabric(), tone));
    }
}
