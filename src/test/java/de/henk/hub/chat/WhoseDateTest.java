package de.henk.hub.chat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A visit's day and a season said as a look are not the event's date (read on Monday 7 December 2026). */
class WhoseDateTest {

    private final ProfileExtractor extractor = new ProfileExtractor(java.time.Clock.fixed(
            java.time.Instant.parse("2026-12-07T10:00:00Z"), java.time.ZoneOffset.UTC));
    private final ConversationProfile wedding = extractor.extract("Hochzeit am 19. September, Budget 3000");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"I'd like an appointment in two weeks", "In zwei Wochen hätte ich Zeit",
            "Kann ich übernächste Woche vorbeikommen?", "I'm free next week", "Ich hätte gern einen Termin zur Anprobe am 3.1. um 11 Uhr",
            "Einen Termin bitte, Montag abends, so 20 Uhr"})
    void aVisitsDayIsNotTheEvents(String message) {
        ConversationProfile read = extractor.extract(message);
        assertThat(read.wantsAppointment()).as(message).isTrue();
        ConversationProfile learned = WhoseDate.eventTiming(message, read, wedding);
        assertThat(learned.knowsTiming()).as(message).isFalse();
        assertThat(wedding.mergedWith(learned).eventDate()).isEqualTo("2027-09-19");
    }

    @Test
    void aDateSaidWithTheOccasionIsTheEventsEvenWithAnAppointment() {
        String message = "Ich heirate am 12. Juni und hätte gern einen Termin";
        ConversationProfile learned = WhoseDate.eventTiming(message, extractor.extract(message), ConversationProfile.empty());
        assertThat(learned.eventDate()).isEqualTo("2027-06-12");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"leicht und sommerlich, hellblau", "something summery", "gern etwas Winterliches",
            "ein leichter Sommeranzug", "a summer suit, light cloth", "herbstliche Farben"})
    void aSeasonSaidAsALookKeepsTheKnownDate(String message) {
        ConversationProfile read = extractor.extract(message);
        ConversationProfile learned = WhoseDate.eventTiming(message, read, wedding);
        ConversationProfile now = wedding.mergedWith(learned);
        assertThat(now.eventDate()).as(message).isEqualTo("2027-09-19");
        assertThat(now.season()).as(message).isEqualTo("autumn");
        // without a date known, the look sets the season
        assertThat(WhoseDate.eventTiming(message, read, ConversationProfile.empty())).isEqualTo(read);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"doch erst im Sommer nächstes Jahr", "the wedding moved to next summer",
            "Sommerhochzeit, nicht im Herbst"})
    void aSeasonSaidAsATimeStillMovesTheDate(String message) {
        ConversationProfile read = extractor.extract(message);
        assertThat(WhoseDate.eventTiming(message, read, wedding).season()).as(message).isEqualTo("summer");
    }
}
