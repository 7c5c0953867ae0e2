package de.henk.hub.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** "lieber nicht zu auffällig" is a wish about the look, not a refusal; a style or garment ruled out is not wished. */
class NegatedWishesTest {

    private final ProfileExtractor extractor =
            new ProfileExtractor(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest
    @ValueSource(strings = {"grün oder blau, lieber nicht zu auffällig", "doch nicht so dunkel, eher hellgrau",
            "eher nicht zu eng geschnitten", "I'd rather not go too bold, navy please", "lieber nicht so teuer"})
    void aWishWithNichtIsNoRefusal(String message) {
        assertThat(extractor.extract(message, Phase.STYLE).declined()).as(message).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lieber nicht", "Nein, lieber nicht.", "doch nicht, danke", "I'd rather not", "rather not!"})
    void aRefusalIsStillARefusal(String message) {
        assertThat(extractor.extract(message, Phase.CONTACT).declined()).as(message).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "lieber nicht zu auffällig | ", "nicht zu modern, eher klassisch | classic", "not too slim please | ",
            "gerne modern | modern", "bloß nichts Ausgefallenes | ", "dezent, nix auffälliges | classic",
            "something understated | classic"})
    void aStyleRuledOutIsNotWished(String message, String style) {
        assertThat(extractor.extract(message).style()).as(message).isEqualTo(style);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "einen Anzug ohne Weste | suit", "a suit without a waistcoat | suit", "Anzug mit Weste | three-piece",
            "eine Weste | vest"})
    void aGarmentRuledOutIsNotWished(String message, String garment) {
        assertThat(extractor.extract(message).garment()).as(message).isEqualTo(garment);
    }

    /** Unsure is not refusing: a negation a few words before the garment is about something else. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Ich weiß nicht welcher Anzug passt | suit", "no idea what suit I need | suit",
            "not sure which tuxedo to pick | tuxedo", "keine Ahnung welches Sakko | jacket",
            "ich bin nicht sicher ob Anzug | suit", "I don't want a tuxedo, a suit please | suit",
            "kein Smoking, lieber ein Anzug | suit"})
    void aNegationOfSomethingElseRulesNoGarmentOut(String message, String garment) {
        assertThat(extractor.extract(message).garment()).as(message).isEqualTo(garment);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ich weiß nicht, ob modern das Richtige ist | modern", "not sure modern is right | modern"})
    void beingUnsureAboutAStyleIsNoRefusal(String message, String style) {
        assertThat(extractor.extract(message, Phase.STYLE).avoidStyles()).as(message).doesNotContain(style);
    }

    /** What is ruled out is kept as ruled out (avoid_styles), and never read as the wish itself. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nicht zu modern | modern | ", "Nicht zu modern bitte, eher klassisch | modern | classic",
            "bitte nichts Ausgefallenes | extravagant | ", "not too flashy | extravagant | ",
            "nothing too flashy, classic please | extravagant | classic", "lieber nicht so auffaellig | extravagant | ",
            "nix allzu Ausgefallenes | extravagant | ", "auffällig mag ich nicht | extravagant | ",
            "flashy isn't my thing | extravagant | ", "modern muss es nicht sein | modern | ",
            "I don't want anything too modern | modern | ", "not a fan of slim fits | modern | ",
            "bloß nicht zu leger | casual | ", "dezent, nix auffälliges | extravagant | classic",
            "nicht zu klassisch, gern etwas modischer | classic | modern", "nothing loud please | extravagant | "})
    void aStyleRuledOutIsKeptAsRuledOut(String message, String avoided, String style) {
        ConversationProfile p = extractor.extract(message, Phase.STYLE);
        assertThat(p.avoidStyles()).as(message).containsExactly(avoided);
        assertThat(p.style()).as(message).isEqualTo(style);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"ein moderner Schnitt der nicht zu eng ist | modern",
            "modern and not too expensive | modern", "klassisch und nicht zu teuer | classic", "gerne auffällig! | extravagant"})
    void aNegationOfSomethingElseRulesNoStyleOut(String message, String style) {
        ConversationProfile p = extractor.extract(message, Phase.STYLE);
        assertThat(p.style()).as(message).isEqualTo(style);
        assertThat(p.avoidStyles()).as(message).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aStyleRuledOutLaterTakesTheWishBackAndAWishLaterTheRuleOut() {
        ConversationProfile modern = extractor.extract("gern modern");
        ConversationProfile notSo = modern.mergedWith(extractor.extract("hm, doch nicht zu modern"));
        assertThat(notSo.style()).isNull();
        assertThat(notSo.avoidStyles()).containsExactly("modern");
        ConversationProfile again = notSo.mergedWith(extractor.extract("doch modern"));
        assertThat(again.style()).isEqualTo("modern");
        assertThat(again.avoidStyles()).isEmpty();
    }

    /** The advice never proposes what was ruled out: loud cloth at all, "too modern" cloth that is not also classic. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"extravagant | wedding", "modern | business", "casual | wedding",
            "classic | business"})
    void theAdviceAvoidsAStyleRuledOut(String avoided, String occasion) {
        FabricAdvisor advisor = new FabricAdvisor(SEARCH);
        ConversationProfile p = ConversationProfile.builder().occasion(occasion).garment("suit").budget(3000, null)
                .avoidStyles(java.util.List.of(avoided)).build();
        var hits = advisor.recommend(p);
        assertThat(hits).isNotEmpty();
        assertThat(hits).allMatch(h -> FabricFit.fits(h.fabric(), p));
        assertThat(hits).noneMatch(h -> h.fabric().styles().contains(avoided)
                && (avoided.equals("extravagant") || avoided.equals("classic") && h.fabric().styles().size() == 1
                || !avoided.equals("classic") && !h.fabric().styles().contains("classic")));
    }

    private static final de.henk.hub.catalog.FabricSearch SEARCH =
            new de.henk.hub.catalog.FabricSearch(new de.henk.hub.catalog.FabricCatalogue());
}
