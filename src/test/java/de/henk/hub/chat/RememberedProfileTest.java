package de.henk.hub.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What a returning customer's new session keeps ({@link ConversationProfile#remembered}): the wish itself always,
 * the opportunity (occasion, its dates, budget and how many garments it was for) only while it lies ahead.
 */
class RememberedProfileTest {

    private static ConversationProfile threeSuitsForAWedding(String to) {
        return ConversationProfile.empty().toBuilder().occasion("wedding")
                .timing(null, "2026-06", "summer", "2026-06-01", to, null).budget(1500, null).quantity(3)
                .garmentCount(3).garment("suit").build();
    }

    @Test
    void aPassedOpportunityTakesItsCountAlong() {
        ConversationProfile kept = threeSuitsForAWedding("2026-06-30").remembered("2026-12-07");

        assertThat(kept.occasion()).isNull();
        assertThat(kept.budgetEur()).isNull();
        assertThat(kept.quantity()).isNull();
        assertThat(kept.garmentCount()).as("three suits were for the wedding that passed").isNull();
        assertThat(kept.garment()).isEqualTo("suit");
    }

    @Test
    void anOpportunityAheadKeepsItsCount() {
        ConversationProfile kept = threeSuitsForAWedding("2027-06-30").remembered("2026-12-07");

        assertThat(kept.occasion()).isEqualTo("wedding");
        assertThat(kept.quantity()).isEqualTo(3);
        assertThat(kept.garmentCount()).isEqualTo(3);
    }
}
