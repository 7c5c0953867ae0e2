package de.henk.hub.chat;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which cloth of the last proposal a message picks: by code, by its place, or as the last one. */
class ChosenFabricTest {

    private static final List<String> THREE = List.of("VBC-2311", "HOL-0042", "DOR-7001");
    private static final List<String> TWO = List.of("VBC-2311", "HOL-0042");
    private static final List<String> FIVE = List.of("A-1", "B-2", "C-3", "D-4", "E-5");

    @Test
    void aCodeInTheMessagePicksThatCloth() {
        assertThat(ChatUnderstanding.chosenFabric("Ich nehme hol-0042, bitte", THREE, false)).isEqualTo("HOL-0042");
    }

    @Test
    void aPlaceInTheProposalPicksTheClothThere() {
        assertThat(ChatUnderstanding.chosenFabric("Der Zweite gefällt mir", THREE, false)).isEqualTo("HOL-0042");
        assertThat(ChatUnderstanding.chosenFabric("the first one please", THREE, false)).isEqualTo("VBC-2311");
        assertThat(ChatUnderstanding.chosenFabric("Nr. 3", THREE, false)).isEqualTo("DOR-7001");
        assertThat(ChatUnderstanding.chosenFabric("den DRITTEN", TWO, false)).isNull();
    }

    @Test
    void theLastIsTheLastProposedHoweverManyThereWere() {
        assertThat(ChatUnderstanding.chosenFabric("Der letzte ist schön", TWO, false)).isEqualTo("HOL-0042");
        assertThat(ChatUnderstanding.chosenFabric("the last one", THREE, false)).isEqualTo("DOR-7001");
        assertThat(ChatUnderstanding.chosenFabric("the last one", FIVE, false)).isEqualTo("E-5");
        assertThat(ChatUnderstanding.chosenFabric("the first, not the last", FIVE, false)).isEqualTo("A-1");
    }

    @Test
    void aWordThatOnlyContainsAnOrdinalPicksNothing() {
        assertThat(ChatUnderstanding.chosenFabric("Erstaunlich schön", THREE, false)).isNull();
        assertThat(ChatUnderstanding.chosenFabric("lastly: blue", THREE, false)).isNull();
    }

    @Test
    void nothingProposedNothingChosen() {
        assertThat(ChatUnderstanding.chosenFabric("der zweite", List.of(), false)).isNull();
    }
}
