package de.henk.hub.chat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The shop questions customers ask in their own words find the answer in {@code knowledge/shop.yaml}. */
class ShopKnowledgeTest {

    private final ShopKnowledge knowledge = new ShopKnowledge();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "wann habt ihr offen? | location",
            "Haben Sie samstags auf? | location",
            "Seid ihr am Samstag offen? | location",
            "are you open on saturdays? | location",
            "is the atelier open late? | location",
            "Schaffen Sie das bis zum 20.? | delivery",
            "Oh, das ist knapp. Geht es schneller? | delivery",
            "can you do it any faster? | delivery",
            "Was kostet ein Anzug auf Maß? | prices"})
    void aShopQuestionInTheCustomersWordsIsAnswered(String message, String entry) {
        assertThat(knowledge.answering(message)).as(message).extracting(ShopKnowledge.Entry::id).containsExactly(entry);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Das Budget ist noch offen.", "ich bin offen für Vorschläge"})
    void aStatementIsNoQuestion(String message) {
        assertThat(knowledge.answering(message)).as(message).isEmpty();
    }
}
