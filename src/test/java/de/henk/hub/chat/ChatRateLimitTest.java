package de.henk.hub.chat;

import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import de.henk.hub.support.SecondHub;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Chat turns cost LLM money: anonymous addresses and sessions are limited, with a 429 that says when to retry. */
class ChatRateLimitTest extends HubTest {

    @Test
    void anonymousChatIsLimitedPerAddressAndPerSession() throws Exception {
        try (SecondHub hub = SecondHub.start(Map.of("henk.chat.rate-limit.anonymous-per-address", "5",
                "henk.chat.rate-limit.per-session", "2", "henk.chat.rate-limit.window", "1m"))) {
            Api limited = hub.api();
            Api.Response first = limited.post("/api/chat", Map.of("message", "Hallo"), "");
            String session = first.text("session_id");
            for (String message : new String[] {"Hochzeit", "im Juni"}) {
                assertThat(limited.post("/api/chat", Map.of("message", message, "session_id", session), "").status())
                        .isEqualTo(200);
            }
            Api.Response perSession = limited.post("/api/chat", Map.of("message", "2000 €", "session_id", session), "");
            assertThat(perSession.status()).as(perSession.toString()).isEqualTo(429);
            assertThat(perSession.json().path("code").asText()).isEqualTo("rate_limited");
            assertThat(Integer.parseInt(perSession.header("Retry-After"))).isBetween(1, 60);
            assertThat(perSession.header("Content-Type")).startsWith("application/problem+json");

            // the address has taken 4 of its 5 turns (the refused one counts too)
            assertThat(limited.post("/api/chat", Map.of("message", "Hallo"), "").status()).isEqualTo(200);
            Api.Response perAddress = limited.post("/api/chat", Map.of("message", "Hallo"), "");
            assertThat(perAddress.status()).as(perAddress.toString()).isEqualTo(429);
            assertThat(perAddress.header("Retry-After")).isNotNull();

            // a signed-in customer is not limited by the address (only per session)
            Account customer = register(uniqueEmail("limited"));
            Api.Response signedIn = limited.post("/api/chat", Map.of("message", "Hallo"), customer.accessToken());
            assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
        }
    }
}
