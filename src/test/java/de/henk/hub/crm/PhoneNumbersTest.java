package de.henk.hub.crm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

    @Test
    void oneNumberHowEverItIsWritten() {
        for (String written : new String[] {"+49 170 1234567", "0049 170/123 45 67", "0170-1234567",
                "+49 (0) 170 1234567", "(0170) 1234567", "170 1234567"}) {
            assertThat(PhoneNumbers.canonical(written, "49")).as(written).isEqualTo("+491701234567");
        }
        assertThat(PhoneNumbers.same("+43 664 1234567", "0664 1234567", "43")).isTrue();
        assertThat(PhoneNumbers.same("+43 664 1234567", "0664 1234567", "49")).isFalse();
        assertThat(PhoneNumbers.same("+39 06 1234567", "+39 06 1234567", "49")).isTrue();
    }

    @Test
    void tooShortOrMissingIsNoNumber() {
        assertThat(PhoneNumbers.canonical(null, "49")).isNull();
        assertThat(PhoneNumbers.canonical("112", "49")).isNull();
        assertThat(PhoneNumbers.same("112", "112", "49")).isFalse();
    }
}
