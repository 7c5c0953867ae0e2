package de.henk.hub.crm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

    private static final PhoneNumbers GERMANY = new PhoneNumbers("49");

    @Test
    void oneNumberHowEverItIsWritten() {
        for (String written : new String[] {"+49 170 1234567", "0049 170/123 45 67", "0170-1234567",
                "+49 (0) 170 1234567", "(0170) 1234567", "170 1234567"}) {
            assertThat(GERMANY.canonical(written)).as(written).isEqualTo("+491701234567");
        }
        assertThat(new PhoneNumbers("43").same("+43 664 1234567", "0664 1234567")).isTrue();
        assertThat(GERMANY.same("+43 664 1234567", "0664 1234567")).isFalse();
        assertThat(GERMANY.same("+39 06 1234567", "+39 06 1234567")).isTrue();
    }

    @Test
    void tooShortOrMissingIsNoNumber() {
        assertThat(GERMANY.canonical(null)).isNull();
        assertThat(GERMANY.canonical("112")).isNull();
        assertThat(GERMANY.same("112", "112")).isFalse();
    }
}
