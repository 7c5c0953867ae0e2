package de.henk.hub.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@link BudgetRules} reads amounts: a range is a ceiling (its upper end) with a floor (its lower end). */
class BudgetRulesTest {

    private final ProfileExtractor extractor =
            new ProfileExtractor(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Budget 2.500–3.000 € | 3000 | 2500",
            "2,500-3,000 | 3000 | 2500",
            "2.500 - 3.000 | 3000 | 2500",
            "zwischen 2000 und 2500 Euro | 2500 | 2000",
            "between 1,500 and 2,000 | 2000 | 1500",
            "so 2500 bis 3000 | 3000 | 2500",
            "I can spend 2,500 to 3,000 | 3000 | 2500",
            "budget of 2,500 to 3,000 dollars | 3000 | 2500",
            "Anzug für die Hochzeit, 1800-2400, gern blau | 2400 | 1800",
            "zwischen 2 und 3k | 3000 | 2000",
            "2-3k | 3000 | 2000",
            "2,5–3k | 3000 | 2500",
            "zwischen 2 und 3 tausend Euro | 3000 | 2000"})
    void aRangeIsItsUpperEndWithItsLowerAsTheFloor(String message, int ceiling, int floor) {
        ConversationProfile profile = extractor.extract(message);
        assertThat(profile.budgetEur()).as(message).isEqualTo(ceiling);
        assertThat(profile.budgetMinEur()).as(message).isEqualTo(floor);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hochzeit mit 300-400 Leuten",
            "zwischen 2026 und 2027",
            "Größe 50-52",
            "Termin zwischen 14 und 16 Uhr",
            "3-4 Anzüge",
            "1500 oder 2000"})
    void numbersThatAreNoAmountsMakeNoRange(String message) {
        ConversationProfile profile = extractor.extract(message);
        assertThat(profile.budgetEur()).as(message).isNull();
        assertThat(profile.budgetMinEur()).as(message).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2000-2500 | 2500 | 2000",
            "2.000 – 2.500 | 2500 | 2000",
            "zwischen 2000 und 2005 | 2005 | 2000"})
    void afterTheBudgetQuestionARangeIsAlwaysMoney(String message, int ceiling, int floor) {
        Integer[] budget = BudgetRules.budget(message.toLowerCase(java.util.Locale.GERMAN), true);
        assertThat(budget).as(message).containsExactly(ceiling, floor);
    }

    /** A message that is only an amount counts after any question; years, days and counts do not. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.500 | 1500", "2000 | 2000", "zwei tausend | 2000", "2,500 | 2500", "1800! | 1800", "zweitausend | 2000"})
    void aMessageThatIsOnlyAnAmountIsTheBudgetWhateverWasAsked(String message, int budget) {
        assertThat(extractor.extract(message, Phase.OCCASION).budgetEur()).as(message).isEqualTo(budget);
        assertThat(extractor.extract(message, Phase.TIMING).budgetEur()).as(message).isEqualTo(budget);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2027", "2028.", "3", "15", "120", "15.06.", "12 Uhr", "1500 oder 2000",
            "wir sind 300"})
    void aNumberThatCanBeSomethingElseIsNoBudgetUnasked(String message) {
        assertThat(extractor.extract(message, Phase.TIMING).budgetEur()).as(message).isNull();
    }
}
