package de.henk.hub.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** "Geld spielt keine Rolle": a budget without a ceiling, which HENK then no longer asks for. */
class OpenBudgetTest {

    private final ProfileExtractor extractor =
            new ProfileExtractor(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest
    @ValueSource(strings = {"Hochzeit im Juni, Geld spielt keine Rolle", "Das Budget ist offen",
            "Budget: nach oben offen", "der Preis ist mir egal", "kein festes Budget, Hauptsache schön",
            "ich habe keine Obergrenze", "Geld spielt da keine Rolle", "no budget limit", "price doesn't matter",
            "Money is no object, I want the best", "the price does not matter to me", "open budget",
            "Budget ist egal", "egal was es kostet", "Preis spielt keine Rolle", "prices don't matter",
            "Geld spielt keine rolle", "Preis egal", "Budget: unbegrenzt", "beim Budget bin ich flexibel",
            "money's not an issue", "the budget is flexible", "Geld ist kein Problem"})
    void noCeilingIsAnOpenBudget(String message) {
        ConversationProfile profile = extractor.extract(message);
        assertThat(profile.openBudget()).as(message).isTrue();
        assertThat(profile.budgetEur()).as(message).isNull();
        assertThat(profile.knowsBudget()).isTrue();
        assertThat(Phase.next(profile.toBuilder().occasion("wedding").timing(null, "2027-06", "summer", null, null,
                null).build())).isNotEqualTo(Phase.BUDGET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"offen", "egal", "Flexibel.", "ist egal", "spielt keine Rolle", "open", "unbegrenzt",
            "doesn't matter", "it doesn't matter really"})
    void aShortAnswerToTheBudgetQuestionIsAnOpenBudget(String message) {
        assertThat(extractor.extract(message, Phase.BUDGET).openBudget()).as(message).isTrue();
        assertThat(extractor.extract(message, Phase.STYLE).openBudget()).as(message).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Geld spielt schon eine Rolle", "ich habe kein Budget", "Budget 2000, offen für Farben",
            "Hochzeit im Juni", "offene Schultern", "the price list please", "ist das Geschäft offen?",
            "is the shop open on Saturday?"})
    void otherWordsAreNoOpenBudget(String message) {
        assertThat(extractor.extract(message).openBudget()).as(message).isNull();
    }

    @Test
    void anAmountAfterAnOpenBudgetReplacesItAndTheOtherWayRound() {
        ConversationProfile open = ConversationProfile.empty().mergedWith(extractor.extract("Geld spielt keine Rolle"));
        ConversationProfile amount = open.mergedWith(extractor.extract("doch lieber maximal 2000 Euro"));
        assertThat(amount.budgetEur()).isEqualTo(2000);
        assertThat(amount.openBudget()).isNull();
        ConversationProfile openAgain = amount.mergedWith(extractor.extract("ach, Geld spielt keine Rolle"));
        assertThat(openAgain.budgetEur()).isNull();
        assertThat(openAgain.openBudget()).isTrue();
        assertThat(openAgain.knowsBudget()).isTrue();
    }

    @Test
    void anOpenBudgetCountsForTheLeadLikeOneThatFitsASuit() {
        ConversationProfile p = extractor.extract("Hochzeitsanzug, Geld spielt keine Rolle, max@example.org");
        LeadQualifier.Assessment open = new LeadQualifier(ChatFixture.PRICES).assess(p, de.henk.hub.auth.Caller.anonymous(null),
                ConversationState.initial(), Phase.CONTACT, java.time.LocalDate.of(2026, 11, 25));
        assertThat(open.reasons()).contains("Budget offen (keine Obergrenze)");
    }
}
