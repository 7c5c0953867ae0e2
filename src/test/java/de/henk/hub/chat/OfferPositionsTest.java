package de.henk.hub.chat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** An offered time — and a proposed cloth, by the same words — picked by its place in the offer. */
class OfferPositionsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final List<OfferedSlot> THREE = List.of(
            OfferedSlot.of("measurement", LocalDate.of(2026, 11, 26), LocalTime.of(10, 0)),
            OfferedSlot.of("measurement", LocalDate.of(2026, 11, 27), LocalTime.of(14, 0)),
            OfferedSlot.of("measurement", LocalDate.of(2026, 11, 28), LocalTime.of(11, 0)));
    private static final List<OfferedSlot> TWO = THREE.subList(0, 2);
    private static final List<String> CLOTHS = List.of("VBC-2311", "HOL-0042", "DOR-7001");

    private static OfferedSlot choice(String message, List<OfferedSlot> offered) {
        return ChatAppointments.choice(message, SlotWish.read(message, TODAY), offered);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "the 2nd | 1", "2nd one please | 1", "den zweiten bitte | 1", "Nr. 2 | 1", "Nummer 2 passt | 1",
            "#2 | 1", "die 2 bitte | 1", "I'll take the 2nd | 1", "der erste Termin | 0", "the first one | 0",
            "den 1sten | 0", "den 2ten | 1", "the last one | 2", "der letzte passt | 2", "lieber den späteren | 2",
            "lieber den spaeteren | 2", "the later one | 2", "the earlier one please | 0", "den früheren | 0",
            "the middle one | 1", "die mittlere Zeit | 1", "3rd | 2", "option 3 | 2", "ersteres | 0",
            "the latter | 2", "Nummer zwei bitte | 1", "number three | 2", "option one | 0"})
    void aTimeIsPickedByItsPlace(String message, int place) {
        OfferedSlot picked = choice(message, THREE);
        assertThat(picked).as(message).isEqualTo(place < 0 ? null : THREE.get(place));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "the 2nd | 1", "lieber den späteren | 1", "the last one | 1", "der dritte | -1", "Nr. 3 | -1",
            "the middle one | -1"})
    void aPlaceCountsAmongTheTimesOffered(String message, int place) {
        assertThat(choice(message, TWO)).as(message).isEqualTo(place < 0 ? null : TWO.get(place));
    }

    @ParameterizedTest
    @ValueSource(strings = {"um 2 Uhr", "den 2.12. lieber", "ich melde mich später", "later this week",
            "erste Anprobe am Dienstag?", "wir sind 2 Personen", "the 2 of us"})
    void wordsThatNameNoPlacePickNothingByPlace(String message) {
        assertThat(OfferPositions.picked(Umlauts.restore(message.toLowerCase(java.util.Locale.GERMAN)), 3, true))
                .as(message).isEqualTo(-1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "the 2nd | HOL-0042", "2nd one please | HOL-0042", "Nr. 2 | HOL-0042", "#3 | DOR-7001",
            "den letzten | DOR-7001", "the middle one | HOL-0042", "der erste Stoff | VBC-2311"})
    void aClothIsPickedByTheSameWords(String message, String code) {
        assertThat(ChatUnderstanding.chosenFabric(message, CLOTHS, false)).as(message).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"the earlier one", "lieber den späteren"})
    void earlierAndLaterAreNoPlaceAmongCloths(String message) {
        assertThat(ChatUnderstanding.chosenFabric(message, CLOTHS, false)).as(message).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"I don't like the first one, show me the others", "den ersten mag ich nicht",
            "der zweite gefällt mir nicht", "Nr. 3 ist nicht so mein Ding", "the first one? not for me"})
    void aClothTurnedDownIsNotChosen(String message) {
        assertThat(ChatUnderstanding.chosenFabric(message, CLOTHS, false)).as(message).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"den ersten nicht, aber der zweite gefällt mir gut | HOL-0042",
            "I don't like the first, I'll take the third | DOR-7001"})
    void oneTurnedDownAndAnotherTakenIsTheOtherOne(String message, String code) {
        assertThat(ChatUnderstanding.chosenFabric(message, CLOTHS, false)).as(message).isEqualTo(code);
    }
}
