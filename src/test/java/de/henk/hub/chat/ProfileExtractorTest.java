package de.henk.hub.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileExtractorTest {

    private final ProfileExtractor extractor =
            new ProfileExtractor(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Budget ist ca. 2500 Euro, Hochzeit im Juni | 2500",
            "Ich kann 2.500 € ausgeben | 2500",
            "so um die 3k EUR | 3000",
            "Mein Budget: 1800 | 1800",
            "€ 1.950,- wäre gut | 1950",
            "Am 15. Juni heiraten wir, 2 Trauzeugen | ",
            "Größe 52, Termin um 14 Uhr | "})
    void budgetIsAnAmountNotJustTheFirstNumber(String message, Integer budget) {
        assertThat(extractor.extract(message).budgetEur()).isEqualTo(budget);
    }

    @Test
    void aMonthMeansTheNextOneThatHasNotPassed() {
        assertThat(extractor.extract("Hochzeit im Juni").eventMonth()).isEqualTo("2027-06");
        assertThat(extractor.extract("schon im Dezember").eventMonth()).isEqualTo("2026-12");
        assertThat(extractor.extract("im November").eventMonth()).isEqualTo("2026-11");
        assertThat(extractor.extract("wedding in May 2028").eventMonth()).isEqualTo("2028-05");
    }

    @Test
    void wordsAreMatchedAsWordsNotSubstrings() {
        ConversationProfile profile = extractor.extract("Ich möchte einen maßgeschneiderten Anzug");
        assertThat(profile.occasion()).isNull();
        assertThat(extractor.extract("Ich suche einen Anzug für eine Hochzeit").occasion()).isEqualTo("wedding");
        assertThat(extractor.extract("Für den Opernball brauche ich einen Smoking").occasion()).isEqualTo("gala");
        assertThat(extractor.extract("Ein Anzug fürs Büro").occasion()).isEqualTo("business");
        assertThat(extractor.extract("I need a suit for my wedding in summer").season()).isEqualTo("summer");
    }

    @Test
    void languageFollowsTheCustomer() {
        assertThat(extractor.extract("Ich suche einen Anzug für eine Hochzeit").language()).isEqualTo("de");
        assertThat(extractor.extract("I am looking for a suit for a wedding").language()).isEqualTo("en");
    }

    @Test
    void theConciergeNeverAsksForWhatItKnows() {
        OfflineConcierge concierge = new OfflineConcierge();
        ConversationProfile learned = extractor.extract("Ich suche einen Anzug für eine Hochzeit");
        String reply = concierge.reply(ConversationProfile.empty(), learned, learned, Phase.next(learned));
        assertThat(reply).contains("Hochzeit").contains("Jahreszeit");

        ConversationProfile more = extractor.extract("Budget ist ca. 2500 Euro, Hochzeit im Juni");
        ConversationProfile now = learned.mergedWith(more);
        assertThat(Phase.next(now)).isEqualTo(Phase.STYLE);
        String second = concierge.reply(learned, more, now, Phase.next(now));
        assertThat(second).contains("2.500 €", "Juni 2027").doesNotContain("Budget haben").doesNotContain("Jahreszeit");
    }
}
