package de.henk.hub.chat;

import de.henk.hub.auth.Caller;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

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
}
