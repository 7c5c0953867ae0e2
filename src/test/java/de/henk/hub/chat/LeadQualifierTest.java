package de.henk.hub.chat;

import de.henk.hub.auth.Caller;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A budget fits the garment from where the catalogue makes it on — a shirt from its price, not a suit's. */
class LeadQualifierTest {

    private final LeadQualifier qualifier = new LeadQualifier(ChatFixture.PRICES);

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-           | 1190 | true  | Budget passt zu einem Maßanzug",
            "-           | 1189 | false | -",
            "shirt       | 200  | true  | Budget passt zu Hemd (ab 159 €)",
            "shirt       | 150  | false | -",
            "tuxedo      | 1300 | false | -",
            "tuxedo      | 1500 | true  | Budget passt zu Smoking (ab 1.490 €)",
            "three-piece | 1300 | false | -",
            "three-piece | 1480 | true  | Budget passt zu Dreiteiler (ab 1.480 €)"})
    void aBudgetFitsFromTheGarmentsEntryPrice(String garment, int budget, boolean fits, String reason) {
        ConversationProfile p = ConversationProfile.empty().toBuilder().garment(garment).budget(budget, null).build();
        LeadQualifier.Assessment assessment = qualifier.assess(p, Caller.anonymous(null), ConversationState.initial(),
                Phase.BUDGET, LocalDate.of(2026, 12, 7));

        assertThat(assessment.reasons()).as(garment + " " + budget).contains("Budget genannt");
        if (fits) {
            assertThat(assessment.reasons()).contains(reason);
        } else {
            assertThat(assessment.reasons()).noneMatch(r -> r.startsWith("Budget passt"));
        }
    }

    /**
     * A person asked for, or a time picked without an account, with an email or phone left in the chat: the team
     * calls back or confirms the time — no budget or event date needed. Without contact data, with a no, or for
     * someone only browsing, it is no lead.
     */
    @Test
    void aPersonAskedForOrATimePickedWithContactDataIsALeadWithoutBudgetOrDate() {
        ConversationProfile reachable = ConversationProfile.empty().toBuilder().occasion("wedding")
                .contact(null, "kunde@example.com", null).build();
        LocalDate today = LocalDate.of(2026, 12, 7);
        ConversationState held = ConversationState.initial().withSlots(List.of(),
                new OfferedSlot("measurement", "2026-12-08", "10:00"));

        LeadQualifier.Assessment person = qualifier.assess(reachable, Caller.anonymous(null),
                ConversationState.initial(), Phase.TIMING, today, new LeadQualifier.TeamAsked(true, false));
        LeadQualifier.Assessment time = qualifier.assess(reachable, Caller.anonymous(null), held, Phase.OCCASION,
                today, new LeadQualifier.TeamAsked(false, true));
        assertThat(person.qualified()).as(person.why()).isTrue();
        assertThat(person.reasons()).contains("möchte mit einem Mitarbeiter sprechen");
        assertThat(time.qualified()).as(time.why()).isTrue();
        assertThat(time.reasons()).contains("Wunschtermin gewählt");
        assertThat(qualifier.assess(reachable, Caller.anonymous(null), ConversationState.initial(), Phase.TIMING,
                today).qualified()).as("nothing asked of the team, no budget, no date").isFalse();

        ConversationProfile unreachable = reachable.toBuilder().contact(null, null, null).build();
        assertThat(qualifier.assess(unreachable, Caller.anonymous(null), ConversationState.initial(), Phase.TIMING,
                today, new LeadQualifier.TeamAsked(true, true)).qualified()).isFalse();
        ConversationProfile browsing = reachable.toBuilder().intent("browsing").build();
        assertThat(qualifier.assess(browsing, Caller.anonymous(null), ConversationState.initial(), Phase.TIMING,
                today, new LeadQualifier.TeamAsked(true, false)).qualified()).isFalse();
        ConversationProfile declined = reachable.toBuilder().intent("declined").build();
        assertThat(qualifier.assess(declined, Caller.anonymous(null), ConversationState.initial(), Phase.TIMING,
                today, new LeadQualifier.TeamAsked(true, true)).qualified()).isFalse();
    }
}
