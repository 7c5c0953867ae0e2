package de.henk.hub.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule, and the places that tell customers and API clients about it, say the same. */
class PasswordPolicyTest {

    @Test
    void theShortestPasswordIsTheMinimumAndOneLessIsRefused() {
        String ok = "Abcdefgh1x";
        assertThat(ok).hasSize(PasswordPolicy.MIN_LENGTH);
        assertThat(PasswordPolicy.problem(ok, "kunde@example.com", "Kunde")).isNull();
        assertThat(PasswordPolicy.problem(ok.substring(1), "kunde@example.com", "Kunde"))
                .contains("at least " + PasswordPolicy.MIN_LENGTH);
    }

    @Test
    void classesEmailUsernameAndCommonPasswordsAreRefused() {
        assertThat(PasswordPolicy.problem("abcdefghijkl", "a@example.com", null)).contains("three of");
        assertThat(PasswordPolicy.problem("Kunde-1234!", "kunde@example.com", null)).contains("email");
        assertThat(PasswordPolicy.problem("Mustermann-1", "m@example.com", "Mustermann")).contains("username");
        assertThat(PasswordPolicy.problem("Sommer2026!", "m@example.com", null)).contains("common");
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefusedNotCut() {
        String longest = "Aa1!" + "x".repeat(PasswordPolicy.MAX_BYTES - 4);
        assertThat(PasswordPolicy.problem(longest, "kunde@example.com", "Kunde")).isNull();
        assertThat(PasswordPolicy.problem(longest + "x", "kunde@example.com", "Kunde"))
                .contains("at most " + PasswordPolicy.MAX_BYTES + " bytes");
        // bytes, not characters: 40 umlauts are 80 bytes
        assertThat(PasswordPolicy.problem("Aa1!" + "ü".repeat(40), "kunde@example.com", "Kunde"))
                .contains("at most " + PasswordPolicy.MAX_BYTES + " bytes");
    }

    @Test
    void theApiContractAndTheWidgetStateTheSameMinimum() throws Exception {
        JsonNode openApi = new ObjectMapper().readTree(resource("/static/api/openapi.json"));
        JsonNode password = openApi.at("/components/schemas/Register/properties/password");
        assertThat(password.path("minLength").asInt()).isEqualTo(PasswordPolicy.MIN_LENGTH);
        assertThat(password.path("description").asText()).contains("at least " + PasswordPolicy.MIN_LENGTH)
                .contains("at most " + PasswordPolicy.MAX_BYTES + " bytes");
        assertThat(password.path("maxLength").asInt()).isEqualTo(PasswordPolicy.MAX_BYTES);

        String widget = resource("/static/widget.js");
        Matcher minlength = Pattern.compile("minlength: '(\\d+)'").matcher(widget);
        assertThat(minlength.find()).isTrue();
        assertThat(Integer.parseInt(minlength.group(1))).isEqualTo(PasswordPolicy.MIN_LENGTH);
        assertThat(widget).contains("Mindestens " + PasswordPolicy.MIN_LENGTH + " Zeichen")
                .contains("At least " + PasswordPolicy.MIN_LENGTH + " characters");
    }

    private static String resource(String path) throws Exception {
        try (InputStream in = PasswordPolicyTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
