package de.henk.hub.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConciergePluralsTest {

    @Test
    void severalOfTheGarmentAreCountedInWordsUpToTwelve() {
        assertThat(ConciergePlurals.several(3, "suit", "Drei Anzüge für die Hochzeit", true)).isEqualTo("drei Maßanzüge");
        assertThat(ConciergePlurals.several(2, "tuxedo", "two tuxedos for a gala", false)).isEqualTo("two tuxedos");
        assertThat(ConciergePlurals.several(12, "shirt", "zwölf Hemden", true)).isEqualTo("zwölf Maßhemden");
        assertThat(ConciergePlurals.several(15, "shirt", "15 Hemden", true)).isEqualTo("15 Maßhemden");
        assertThat(ConciergePlurals.several(2, "trousers", "2 pairs of trousers", false)).isEqualTo("two pairs of trousers");
    }

    @Test
    void oneOrNoneIsTheSingular() {
        assertThat(ConciergePlurals.several(null, "suit", "Anzug für die Hochzeit", true)).isNull();
        assertThat(ConciergePlurals.several(1, "suit", "ein Anzug", true)).isNull();
    }

    @Test
    void aCountOfAnotherGarmentIsNotThisOnes() {
        assertThat(ConciergePlurals.several(2, "suit", "Ein Anzug und zwei Hemden", true)).isNull();
        assertThat(ConciergePlurals.several(2, "jacket", "a jacket and two shirts", false)).isNull();
    }

    @Test
    void aCountSaidEarlierStillCountsWhenNoOtherGarmentIsNamed() {
        assertThat(ConciergePlurals.several(3, "suit", "Es ist für eine Hochzeit im Juni", true)).isEqualTo("drei Maßanzüge");
    }
}
