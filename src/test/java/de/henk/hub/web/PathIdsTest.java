package de.henk.hub.web;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PathIdsTest {

    @Test
    void anIdWrittenAsTheHubWritesItIsRead() {
        assertThat(PathIds.numeric("1")).isEqualTo(OptionalLong.of(1));
        assertThat(PathIds.numeric("4711")).isEqualTo(OptionalLong.of(4711));
        assertThat(PathIds.numeric("999999999999999999")).isEqualTo(OptionalLong.of(999_999_999_999_999_999L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "-1", "+1", "01", "00001", " 1", "1 ", "1.0", "1e3", "0x1", "١٢", "１２",
            "9223372036854775807", "9223372036854775808", "1;drop table crm_deal", "1%00"})
    void anyOtherSpellingNamesNothing(String id) {
        assertThat(PathIds.numeric(id)).as(id).isEmpty();
    }

    @Test
    void noIdNamesNothing() {
        assertThat(PathIds.numeric(null)).isEmpty();
    }
}
