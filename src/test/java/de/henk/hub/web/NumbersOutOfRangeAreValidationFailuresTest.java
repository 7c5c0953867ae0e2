package de.henk.hub.web;

import com.fasterxml.jackson.databind.JsonNode;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A number too big for its field is a value out of range: 400 {@code validation_failed} naming the field, as
 * {@code "deal_value": 1e400} already was — {@code "stage_id": 123456789012345678901234567890} answered
 * {@code malformed_json}, as if the JSON were broken. A number of the wrong kind (a fraction, a string, for a whole
 * number) stays {@code invalid_type}, a text where a number belongs too. Nothing is changed or stored.
 */
class NumbersOutOfRangeAreValidationFailuresTest extends HubTest {

    private static final String HUGE = "123456789012345678901234567890";

    @Autowired
    JdbcClient db;

    @Test
    void aWholeNumberTooBigForItsFieldIsOutOfRangeNamingTheField() {
        Account sales = salesPerson();
        long deal = dealOf(register(uniqueEmail("big-number")));
        String before = deal(deal);
        for (String stage : List.of(HUGE, "-" + HUGE, "2147483648", "-2147483649", "9223372036854775808",
                "1" + "0".repeat(999))) {
            Api.Response response = api.send("PUT", "/api/crm/deal/" + deal, "{\"stage_id\": " + stage
                    + ", \"status\": \"won\"}", Api.headers(sales.accessToken()));
            assertFailure(response, "validation_failed", "stage_id");
            assertThat(response.json().path("errors").get(0).path("message").asText())
                    .isEqualTo("is out of range: a whole number from -2147483648 to 2147483647");
        }
        assertThat(deal(deal)).as("the deal is unchanged").isEqualTo(before);
    }

    @Test
    void aDecimalTooBigOrTooSmallIsOutOfRangeNamingTheField() {
        Account sales = salesPerson();
        Account customer = register(uniqueEmail("big-decimal"));
        long deal = dealOf(customer);
        String before = deal(deal);
        for (String value : List.of("1e400", "-1e400", HUGE, "1e999999999", "1e-400",
                "1" + "0".repeat(999))) {
            assertFailure(api.send("PUT", "/api/crm/deal/" + deal, "{\"value\": " + value + "}",
                    Api.headers(sales.accessToken())), "validation_failed", "value");
            int leads = leads();
            assertFailure(api.send("POST", "/api/crm/lead", "{\"name\": \"Max Mustermann\", \"email\": \""
                    + customer.email() + "\", \"deal_title\": \"Anzug\", \"deal_value\": " + value + "}",
                    Api.headers(customer.accessToken())), "validation_failed", "deal_value");
            assertThat(leads()).as("no lead stored for " + value).isEqualTo(leads);
        }
        assertThat(deal(deal)).isEqualTo(before);
    }

    @Test
    void aNumberOfMoreThanAThousandDigitsIsRefusedBeforeItIsRead() {
        // Jackson stops at 1000 digits (reading longer ones costs quadratic time), before the field is known
        Account sales = salesPerson();
        long deal = dealOf(register(uniqueEmail("long-number")));
        String before = deal(deal);
        for (String body : List.of("{\"stage_id\": " + "9".repeat(5000) + "}",
                "{\"value\": 0." + "1".repeat(5000) + "}")) {
            Api.Response response = api.send("PUT", "/api/crm/deal/" + deal, body, Api.headers(sales.accessToken()));
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.json().path("code").asText()).isEqualTo("malformed_json");
            assertThat(response.json().path("detail").asText()).contains("more than 1000 digits");
        }
        assertThat(deal(deal)).isEqualTo(before);
    }

    @Test
    void aNumberOfTheWrongKindIsStillAWrongType() {
        Account sales = salesPerson();
        long deal = dealOf(register(uniqueEmail("wrong-kind")));
        for (String stage : List.of("1.5", "1e400", "\"2\"", "\"" + HUGE + "\"", "true")) {
            assertFailure(api.send("PUT", "/api/crm/deal/" + deal, "{\"stage_id\": " + stage + "}",
                    Api.headers(sales.accessToken())), "invalid_type", "stage_id");
        }
        assertFailure(api.send("PUT", "/api/crm/deal/" + deal, "{\"value\": \"" + HUGE + "\"}",
                Api.headers(sales.accessToken())), "invalid_type", "value");
        // a huge number where a text or a yes/no belongs is a wrong type, not a broken body
        assertFailure(api.send("POST", "/api/chat", "{\"message\": " + HUGE + "}", Api.headers(null)),
                "invalid_type", "message");
        assertFailure(api.send("POST", "/api/auth/login", "{\"email\": \"a@example.com\", \"password\": \"x\", "
                + "\"is_beta_user\": " + HUGE + "}", Api.headers(null)), "invalid_type", "is_beta_user");
    }

    private long dealOf(Account customer) {
        Api.Response lead = api.post("/api/crm/lead", leadBody("Max Mustermann", customer.email(), "Anzug", 1200),
                customer.accessToken());
        assertThat(lead.status()).as(lead.toString()).isBetween(200, 202);
        return lead.json().path("deal").path("id").asLong();
    }

    private String deal(long id) {
        return db.sql("select stage_id, deal_value, status, updated_at from crm_deal where id = :id").param("id", id)
                .query().singleRow().toString();
    }

    private int leads() {
        return db.sql("select count(*) from crm_lead").query(Integer.class).single();
    }

    private static void assertFailure(Api.Response response, String code, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("code").asText()).as(response.toString()).isEqualTo(code);
        List<String> fields = new ArrayList<>();
        for (JsonNode error : response.json().path("errors")) {
            fields.add(error.path("field").asText());
        }
        assertThat(fields).as(response.toString()).contains(field);
    }
}
