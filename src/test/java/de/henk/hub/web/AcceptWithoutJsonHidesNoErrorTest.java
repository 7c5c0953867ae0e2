package de.henk.hub.web;

import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code Accept} without JSON ({@code text/html}, {@code application/xml}, garbage) answered 406
 * {@code not_acceptable} before the route ran, hiding what was really wrong: an invalid body, a missing role, a deal
 * that does not exist. The real error comes, as a JSON problem; 406 stays for a read that would have succeeded; a
 * write is carried out and answered in JSON.
 */
class AcceptWithoutJsonHidesNoErrorTest extends HubTest {

    private static final List<String> NOT_JSON = List.of("text/html", "application/xml", "image/png",
            "text/html, application/xhtml+xml, application/xml;q=0.9", "application/json;q=0", ";;;");

    @Autowired
    JdbcClient db;

    @Test
    void anInvalidBodyIsItsOwnErrorWhateverTheClientAccepts() {
        Account customer = register(uniqueEmail("accept-body"));
        for (String accept : NOT_JSON) {
            problem(api.send("POST", "/api/crm/lead", "{bad", with(customer.accessToken(), accept)), 400,
                    "malformed_json", accept);
            problem(api.send("POST", "/api/auth/register", "{}", with(null, accept)), 400, "validation_failed", accept);
            problem(api.send("PUT", "/api/crm/deal/1", "{\"stage_id\": \"2\"}", with(salesToken(), accept)), 400,
                    "invalid_type", accept);
            problem(api.send("GET", "/api/fabrics/search?limit=abc", null, with(null, accept)), 400,
                    "invalid_parameter", accept);
        }
    }

    @Test
    void aMissingOrWrongTokenAndAMissingRoleAreTheirOwnErrors() {
        Account customer = register(uniqueEmail("accept-auth"));
        for (String accept : NOT_JSON) {
            problem(api.send("GET", "/api/crm/deals", null, with(null, accept)), 401, "authentication_required",
                    accept);
            problem(api.send("GET", "/api/crm/deals", null, with("not-a-token", accept)), 401, "invalid_token", accept);
            problem(api.send("GET", "/api/crm/deals", null, with(customer.accessToken(), accept)), 403, "forbidden",
                    accept);
            problem(api.send("GET", "/api/admin/users", null, with(salesToken(), accept)), 403, "forbidden", accept);
            problem(api.send("GET", "/api/auth/me", null, with(null, accept)), 401, "authentication_required", accept);
        }
    }

    @Test
    void somethingThatDoesNotExistIsA404() {
        for (String accept : NOT_JSON) {
            problem(api.send("GET", "/api/crm/deal/999999999", null, with(salesToken(), accept)), 404,
                    "deal_not_found", accept);
            problem(api.send("GET", "/api/fabrics/NO-SUCH-CLOTH", null, with(null, accept)), 404, "fabric_not_found",
                    accept);
        }
    }

    @Test
    void aReadThatWouldSucceedIsStill406() {
        for (String accept : NOT_JSON) {
            problem(api.send("GET", "/api/fabrics/search?q=wolle", null, with(null, accept)), 406, "not_acceptable",
                    accept);
            problem(api.send("GET", "/api/crm/deals", null, with(salesToken(), accept)), 406, "not_acceptable", accept);
            problem(api.send("GET", "/api/auth/me", null, with(salesToken(), accept)), 406, "not_acceptable", accept);
        }
        for (String accept : List.of("application/json", "*/*", "application/*", "application/problem+json, */*;q=0.1",
                "text/html, application/json;q=0.5", "application/json; charset=utf-8")) {
            Api.Response found = api.send("GET", "/api/fabrics/search?q=wolle", null, with(null, accept));
            assertThat(found.status()).as(accept + ": " + found).isEqualTo(200);
            assertThat(found.header("Content-Type")).startsWith("application/json");
            assertThat(found.json().path("results").isArray() || found.json().isObject()).isTrue();
        }
    }

    @Test
    void aWriteIsCarriedOutAndAnsweredInJson() {
        Account customer = register(uniqueEmail("accept-write"));
        int before = leads();
        Api.Response lead = api.send("POST", "/api/crm/lead", Api.write(leadBody("Max Mustermann", customer.email(),
                "Anzug", 1500)), with(customer.accessToken(), "text/html"));
        assertThat(lead.status()).as(lead.toString()).isBetween(200, 202);
        assertThat(lead.header("Content-Type")).startsWith("application/json");
        assertThat(lead.json().path("deal").path("id").asLong()).isPositive();
        assertThat(leads()).isEqualTo(before + 1);

        Api.Response chat = api.send("POST", "/api/chat", "{\"message\": \"Hallo\"}", with(null, "application/xml"));
        assertThat(chat.status()).as(chat.toString()).isEqualTo(200);
        assertThat(chat.text("session_id")).isNotBlank();
        // the streamed reply is still chosen by Accept
        Api.Response stream = api.send("POST", "/api/chat", "{\"message\": \"Hallo\"}",
                with(null, "text/event-stream"));
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
    }

    private String salesToken;

    private String salesToken() {
        if (salesToken == null) {
            salesToken = salesPerson().accessToken();
        }
        return salesToken;
    }

    private int leads() {
        return db.sql("select count(*) from crm_lead").query(Integer.class).single();
    }

    private static void problem(Api.Response response, int status, String code, String accept) {
        assertThat(response.status()).as(accept + ": " + response).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(accept).startsWith("application/problem+json");
        assertThat(response.json().path("code").asText()).as(accept + ": " + response).isEqualTo(code);
    }

    private static Map<String, String> with(String token, String accept) {
        Map<String, String> headers = Api.headers(token);
        headers.put("Accept", accept);
        return headers;
    }
}
