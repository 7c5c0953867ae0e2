package de.henk.hub.chat;

import de.henk.hub.catalog.FabricHit;
import de.henk.hub.catalog.FabricSearch;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static de.henk.hub.chat.ChatFixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A funeral is dressed in plain dark cloth, whatever else was wished; and an event closer than the shop's
 * made-to-measure lead time is told so honestly, with what is possible, instead of a promise.
 */
class MourningAndLeadTimeTest {

    private static final FabricSearch SEARCH = new FabricSearch(ChatFixture.CATALOGUE);
    private static final Set<String> LOUD_PATTERNS = Set.of("Streifen", "Nadelstreifen", "Kreidestreifen", "Karo",
            "Glencheck", "Windowpane", "Pepita", "Hahnentritt");

    private final ProfileExtractor extractor = ChatFixture.extractor();
    private final ShopKnowledge knowledge = new ShopKnowledge();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Beerdigung in 10 Tagen | 2026-12-05", "Trauerfeier in zehn Tagen, ich brauche einen Anzug | 2026-12-05",
            "funeral in 5 days | 2026-11-30", "die Beerdigung ist in ein paar Tagen | 2026-11-28",
            "Trauerfeier übermorgen | 2026-11-27", "Trauerfeier uebermorgen | 2026-11-27",
            "Die Beerdigung ist am Freitag | 2026-11-27", "funeral on Saturday, I need a dark suit | 2026-11-28",
            "the funeral is tomorrow | 2026-11-26", "Beerdigung morgen, was kann ich tun? | 2026-11-26",
            "Beisetzung nächsten Dienstag | 2026-12-01"})
    void aNearDayOfTheEventIsRead(String message, String lastDay) {
        ConversationProfile p = extractor.extract(message);
        assertThat(p.dateTo()).as(message).isEqualTo(lastDay);
        assertThat(p.occasion()).as(message).isEqualTo("mourning");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"am Freitag | 2026-11-27", "Samstag | 2026-11-28", "übermorgen | 2026-11-27",
            "in 12 Tagen | 2026-12-07", "on Monday | 2026-11-30"})
    void aNearDayAnswersTheQuestionWhen(String message, String lastDay) {
        assertThat(extractor.extract(message, Phase.TIMING).dateTo()).as(message).isEqualTo(lastDay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Guten Morgen, ich suche einen Anzug für eine Beerdigung", "Ich melde mich morgen wieder",
            "Termin am Freitag für die Hochzeit?", "Kann ich für die Beerdigung morgen um 10 Uhr vorbeikommen?",
            "bis morgen!", "Hochzeit, können wir in 3 Tagen einen Termin machen?"})
    void aVisitOrAGreetingIsNoEventDay(String message) {
        assertThat(extractor.extract(message).dateTo()).as(message).isNull();
    }

    @Test
    void aFuneralGetsPlainDarkCloth() {
        FabricAdvisor advisor = new FabricAdvisor(SEARCH);
        for (List<String> colours : List.of(List.<String>of(), List.of("dunkel"))) {
            ConversationProfile p = ConversationProfile.builder().occasion("mourning").garment("suit")
                    .budget(2500, null).colours(colours, List.of()).patterns(List.of("Nadelstreifen"), List.of())
                    .build();
            List<FabricHit> hits = advisor.recommend(p);
            assertThat(hits).as(colours.toString()).isNotEmpty();
            assertThat(hits).allMatch(h -> !LOUD_PATTERNS.contains(h.fabric().pattern()), "no stripes or checks")
                    .allMatch(h -> Set.of("schwarz", "anthrazit", "mitternachtsblau", "marineblau")
                            .contains(h.fabric().colour()), "dark and sober")
                    .allMatch(h -> !h.fabric().styles().contains("extravagant"), "nothing loud")
                    .allMatch(h -> FabricFit.fits(h.fabric(), p));
        }
    }

    @Test
    void theLeadTimeIsTheOneTheShopStates() {
        ShopKnowledge.LeadTime lead = knowledge.leadTime();
        String delivery = knowledge.all().stream().filter(e -> e.id().equals("delivery")).findFirst().orElseThrow()
                .answer(true);
        assertThat(delivery).contains(lead.weeksFrom() + " bis " + lead.weeksTo() + " Wochen")
                .contains(lead.expressWeeks() + " Wochen").contains(lead.expressSurchargePercent() + " %");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2026-12-02 | true", "2026-12-14 | true", "2026-12-20 | false",
            "2027-01-01 | false"})
    void anEventWithinTheLeadTimeIsToldSoHonestly(String day, boolean evenExpressTooLate) {
        ConversationProfile learned = ConversationProfile.builder().occasion("mourning")
                .timing(day, day.substring(0, 7), "winter", day, day, null).build();
        List<ShopKnowledge.Entry> facts = LeadTimeNotice.with(List.of(), learned, learned, TODAY, knowledge.leadTime());
        assertThat(facts).hasSize(1);
        String de = facts.get(0).answer(true);
        String en = facts.get(0).answer(false);
        assertThat(de).contains("4 bis 6 Wochen").contains("frühesten freien Termin");
        assertThat(en).contains("4 to 6 weeks").contains("earliest free");
        if (evenExpressTooLate) {
            assertThat(de).contains("nicht zu schaffen");
            assertThat(en).contains("cannot make it");
        } else {
            assertThat(de).contains("Express").contains("20 %");
            assertThat(en).contains("express").contains("20%");
        }
    }

    @Test
    void anEventLaterOrNoDateNeedsNoWordAndTheWordIsSaidWhenTheDateIs() {
        ConversationProfile later = ConversationProfile.builder().occasion("wedding")
                .timing(null, "2027-06", "summer", "2027-06-01", "2027-06-30", null).build();
        assertThat(LeadTimeNotice.with(List.of(), later, later, TODAY, knowledge.leadTime())).isEmpty();
        ConversationProfile soon = ConversationProfile.builder()
                .timing("2026-12-02", "2026-12", "winter", "2026-12-02", "2026-12-02", null).build();
        ConversationProfile budgetOnly = ConversationProfile.builder().budget(2000, null).build();
        // the date was said before: a turn about the budget does not say it again
        assertThat(LeadTimeNotice.with(List.of(), budgetOnly, soon.mergedWith(budgetOnly), TODAY,
                knowledge.leadTime())).isEmpty();
        // asked how long it takes while the date is near: the honest word replaces the general answer
        List<ShopKnowledge.Entry> asked = knowledge.answering("Wie lange dauert das?");
        assertThat(asked).extracting(ShopKnowledge.Entry::id).containsExactly("delivery");
        assertThat(LeadTimeNotice.with(asked, soon, soon, TODAY, knowledge.leadTime()))
                .extracting(ShopKnowledge.Entry::id).containsExactly(LeadTimeNotice.ID);
    }
}
