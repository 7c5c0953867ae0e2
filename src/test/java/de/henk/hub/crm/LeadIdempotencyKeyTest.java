package de.henk.hub.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.support.Api;
import de.henk.hub.support.AtOnce;
import de.henk.hub.support.HubTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Idempotency-Key makes a retried lead safe: the same request with the same key is the same lead, however many
 * copies arrive at once; the same key with another request is a client mistake that is named, not a lead dropped.
 */
class LeadIdempotencyKeyTest extends HubTest {

    @Autowired
    JdbcClient db;

    @Test
    void twentyCopiesAtOnceMakeOneLeadAndNoServerError() throws Exception {
        Account sales = salesPerson();
        String key = "race-" + UUID.randomUUID();
        Map<String, Object> body = leadBody("Max Mustermann", uniqueEmail("kunde"), "Hochzeits-Anzug", 2500);

        List<Api.Response> responses = AtOnce.run(20, () -> post(body, sales.accessToken(), key));

        Map<Integer, Long> statuses = responses.stream().collect(Collectors.groupingBy(Api.Response::status,
                Collectors.counting()));
        assertThat(statuses.keySet()).as(responses.toString()).isSubsetOf(200, 201, 202, 409);
        assertThat(statuses.getOrDefault(201, 0L) + statuses.getOrDefault(202, 0L)).as(responses.toString())
                .isEqualTo(1);
        long deal = responses.stream().filter(r -> r.status() == 201 || r.status() == 202).findFirst().orElseThrow()
                .json().path("deal").path("id").asLong();
        assertThat(responses).filteredOn(r -> r.status() == 200)
                .allSatisfy(r -> assertThat(r.json().path("deal").path("id").asLong()).isEqualTo(deal));
        assertThat(responses).filteredOn(r -> r.status() == 409)
                .allSatisfy(r -> assertThat(r.json().path("code").asText()).isEqualTo("idempotency_key_in_use"));
        assertThat(db.sql("select count(*) from crm_lead where idempotency_key like :k").param("k", "%:" + key)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aKeyReusedForAnotherRequestIsRefusedAndTheFirstAnswerStays() {
        Account sales = salesPerson();
        String key = "reuse-" + UUID.randomUUID();
        String email = uniqueEmail("kunde");
        Map<String, Object> first = leadBody("Max Mustermann", email, "Hochzeits-Anzug", 2500);
        Api.Response created = post(first, sales.accessToken(), key);
        assertThat(created.status()).as(created.toString()).isIn(201, 202);
        long deal = created.json().path("deal").path("id").asLong();

        Map<String, Object> other = new HashMap<>(first);
        other.put("deal_value", 3000);
        Api.Response reused = post(other, sales.accessToken(), key);
        assertThat(reused.status()).as(reused.toString()).isEqualTo(422);
        assertThat(reused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reused.json().path("code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(reused.json().path("detail").asText()).contains("Idempotency-Key");

        Api.Response replayed = post(first, sales.accessToken(), key);
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        assertThat(replayed.json().path("deal").path("id").asLong()).isEqualTo(deal);
        assertThat(replayed.json().path("deal").path("value").decimalValue()).isEqualByComparingTo("2500");
        assertThat(db.sql("select count(*) from crm_deal where email = :e").param("e", email).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void twoIdempotencyKeysInOneRequestAreRefused() throws Exception {
        Account sales = salesPerson();
        String email = uniqueEmail("kunde");
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/crm/lead"))
                .header("Authorization", "Bearer " + sales.accessToken())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "one-" + UUID.randomUUID())
                .header("Idempotency-Key", "two-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(Api.write(leadBody("Max Mustermann", email,
                        "Hochzeits-Anzug", 2500))))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertThat(problem.path("code").asText()).isEqualTo("invalid_header");
        assertThat(db.sql("select count(*) from crm_deal where email = :e").param("e", email).query(Long.class)
                .single()).isZero();
    }

    private Api.Response post(Map<String, Object> body, String token, String key) {
        Map<String, String> headers = Api.headers(token);
        headers.put("Idempotency-Key", key);
        return api.send("POST", "/api/crm/lead", body, headers);
    }
}
