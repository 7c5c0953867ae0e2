package de.henk.hub.auth;

import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A passphrase longer than bcrypt reads (72 bytes) is a 400 weak_password, not a 500 from the password encoder. */
class LongPasswordsAreRefusedTest extends HubTest {

    @Test
    void aPasswordLongerThanBcryptReadsIsA400NotA500() {
        Api.Response response = api.post("/api/auth/register", Map.of("email", uniqueEmail("kunde"),
                "username", "Max Mustermann", "password", "Aa1!" + "langes-passwort-".repeat(6)), null);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.text("code")).isEqualTo("weak_password");
        assertThat(response.text("detail")).contains("at most 72 bytes");
    }
}
