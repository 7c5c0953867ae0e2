package de.henk.hub.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.auth.AuthRequests;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An email in a request body and an {@code ?email=} filter obey one rule ({@link EmailAddress}). */
class OneEmailRuleForBodiesAndFiltersTest {

    private static final jakarta.validation.ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();
    private final RequestValidator requests = new RequestValidator(VALIDATOR, new ObjectMapper());

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void whatTheBodyTakesTheFilterTakes() {
        for (String good : new String[] {"kunde@example.com", "Kunde@Example.COM", "jörg@müller.de",
                "\"a@b\"@example.com", "a+tag@example.co.uk"}) {
            assertThat(body(good)).as(good).isTrue();
            assertThat(requests.emailParameter(good)).as(good).isEqualTo(good.toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void whatTheBodyRefusesTheFilterRefuses() {
        for (String bad : new String[] {"nobody", "a@b", "a b@example.com", "\"a b\"@example.com",
                "a@exam ple.com", "a\t@example.com", "a\u00a0b@example.com", "a..b@example.com", "a@-example.com",
                "a@b@example.com", "x".repeat(250) + "@b.de"}) {
            assertThat(body(bad)).as(bad).isFalse();
            assertThatThrownBy(() -> requests.emailParameter(bad)).as(bad).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.code()).isEqualTo("invalid_parameter"));
        }
    }

    @Test
    void lookalikeLettersOfAnotherAlphabetAreRefusedAndCompatibilityFormsFolded() {
        // a Cyrillic "а" or a Greek "ο" among Latin letters disguises another address
        for (String disguised : new String[] {"\u0430lice@example.com", "alice@ex\u0430mple.com",
                "b\u03bfb@example.com", "\u0430\u043b\u0438ce@example.com"}) {
            assertThat(body(disguised)).as(disguised).isFalse();
            assertThatThrownBy(() -> requests.emailParameter(disguised)).as(disguised)
                    .isInstanceOf(ApiException.class);
        }
        // one alphabet per part is an address like any other: Cyrillic throughout, umlauts, a Cyrillic domain
        for (String honest : new String[] {"\u0430\u043b\u0438\u0441\u0430@example.com", "jörg@müller.de",
                "ivan@\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444"}) {
            assertThat(body(honest)).as(honest).isTrue();
        }
        // full-width letters and ligatures are folded to the one spelling accounts are stored with
        assertThat(requests.emailParameter("\uff41lice@Example.com")).isEqualTo("alice@example.com");
        assertThat(EmailAddresses.normalize("\ufb01nn@example.com")).isEqualTo("finn@example.com");
    }

    @Test
    void aFilterMayBeLeftOutOrCarrySpacesAtItsEnds() {
        assertThat(requests.emailParameter(null)).isNull();
        assertThat(requests.emailParameter("  ")).isNull();
        assertThat(requests.emailParameter(" Kunde@Example.com ")).isEqualTo("kunde@example.com");
    }

    private static boolean body(String email) {
        return VALIDATOR.validateProperty(new AuthRequests.Register(email, "Max", "Kunde-1234!", null), "email")
                .isEmpty();
    }
}
