package de.henk.hub.crm;

import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A lead's currency is one Pipedrive and the mails can count in: an ISO 4217 code, in capitals as stored. */
class LeadCurrencyTest extends HubTest {

    @Test
    void theCurrencyIsAnIso4217Code() {
        Account sales = salesPerson();
        for (String currency : List.of("ABC", "ZZZ", "XXX", "eur", "EURO")) {
            Map<String, Object> body = leadBody("Max Mustermann", uniqueEmail("kunde"), "Hochzeits-Anzug", 2500);
            body.put("currency", currency);
            Api.Response refused = api.post("/api/crm/lead", body, sales.accessToken());
            assertThat(refused.status()).as(currency + ": " + refused).isEqualTo(400);
            assertThat(refused.json().path("code").asText()).isEqualTo("validation_failed");
            assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("currency");
        }
        for (String currency : List.of("EUR", "CHF", "USD")) {
            Map<String, Object> body = leadBody("Max Mustermann", uniqueEmail("kunde"), "Hochzeits-Anzug", 2500);
            body.put("currency", currency);
            Api.Response accepted = api.post("/api/crm/lead", body, sales.accessToken());
            assertThat(accepted.status()).as(currency + ": " + accepted).isIn(201, 202);
            assertThat(accepted.json().path("deal").path("currency").asText()).isEqualTo(currency);
        }
    }
}
