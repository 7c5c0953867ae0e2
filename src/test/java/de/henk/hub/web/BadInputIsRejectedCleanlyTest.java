package de.henk.hub.web;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import de.henk.hub.support.StoredRows;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad request gets a 4xx RFC 9457 problem with a stable code — never a 500, never a stack trace —
 * and leaves nothing half-stored (row counts of every table are unchanged).
 */
class BadInputIsRejectedCleanlyTest extends HubTest {

    private static final List<String> TABLES = List.of("app_user", "chat_session", "chat_message", "crm_lead",
            "crm_deal", "crm_outbox", "login_session", "refresh_token");

    @Autowired
    JdbcClient db;

    @Autowired
    JwtEncoder encoder;

    @Test
    void malformedJsonIsRejectedOnEveryEndpoint() {
        Account customer = register(uniqueEmail("kunde"));
        for (String path : List.of("/api/chat", "/api/auth/register", "/api/auth/login", "/api/crm/lead")) {
            rejected(() -> api.post(path, "{\"message\": \"Hallo\"", customer.accessToken()), 400, "malformed_json");
        }
        rejected(() -> api.post("/api/chat", "[1,2,3]", null), 400, "invalid_body");
        // JSON null is valid JSON but no request (it once reached the beans as raw bytes: a 500)
        for (String path : List.of("/api/chat", "/api/auth/register", "/api/auth/login", "/api/auth/refresh",
                "/api/auth/logout", "/api/crm/lead", "/api/appointments")) {
            for (String body : List.of("null", " null ", "\"Hallo\"", "42", "true")) {
                rejected(() -> api.post(path, body, customer.accessToken()), 400, "invalid_body");
            }
        }
        rejected(() -> api.post("/api/chat", "", null), 400, null);
        rejected(() -> api.post("/api/chat", "{\"message\":\"a\"} trailing", null), 400, "malformed_json");
        rejected(() -> api.send("POST", "/api/chat", "message=Hallo", Map.of("Content-Type", "text/plain")), 415,
                "unsupported_media_type");
        rejected(() -> api.delete("/api/chat", customer.accessToken()), 405, "method_not_allowed");
        rejected(() -> api.post("/api/chat", "{\"message\":\"a\",\"message\":\"b\"}", null), 400, "malformed_json");
    }

    @Test
    void wrongTypesAndUnknownFieldsAreRejected() {
        Account customer = register(uniqueEmail("kunde"));
        rejected(() -> api.post("/api/chat", Map.of("message", 42), null), 400, "invalid_type");
        rejected(() -> api.post("/api/chat", Map.of("message", true), null), 400, "invalid_type");
        rejected(() -> api.post("/api/chat", Map.of("message", List.of("a")), null), 400, "invalid_type");
        rejected(() -> api.post("/api/chat", Map.of("message", "Hallo", "admin", true), null), 400, "unknown_field");
        Map<String, Object> lead = lead(customer.email());
        lead.put("deal_value", "2500");
        rejected(() -> api.post("/api/crm/lead", lead, customer.accessToken()), 400, "invalid_type");
        Map<String, Object> nested = lead(customer.email());
        nested.put("deal_value", Map.of("amount", 2500));
        rejected(() -> api.post("/api/crm/lead", nested, customer.accessToken()), 400, "invalid_type");
    }

    @Test
    void missingAndInvalidFieldsNameTheField() {
        Api.Response response = rejected(() -> api.post("/api/auth/register",
                Map.of("email", uniqueEmail("x"), "username", "Max"), null), 400, "validation_failed");
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("password");

        rejected(() -> api.post("/api/auth/register",
                Map.of("email", "not-an-email", "username", "Max", "password", PASSWORD), null), 400,
                "validation_failed");
        rejected(() -> api.post("/api/chat", Map.of("message", "   "), null), 400, "validation_failed");
        rejected(() -> api.post("/api/chat", Map.of("message", "x".repeat(2001)), null), 400, "message_too_long");

        Account customer = register(uniqueEmail("kunde"));
        Map<String, Object> noTitle = lead(customer.email());
        noTitle.remove("deal_title");
        Api.Response missing = rejected(() -> api.post("/api/crm/lead", noTitle, customer.accessToken()), 400,
                "validation_failed");
        assertThat(missing.json().path("errors").get(0).path("field").asText()).isEqualTo("deal_title");
        Map<String, Object> negative = lead(customer.email());
        negative.put("deal_value", -5);
        rejected(() -> api.post("/api/crm/lead", negative, customer.accessToken()), 400, "validation_failed");
        Map<String, Object> badCurrency = lead(customer.email());
        badCurrency.put("currency", "euro");
        rejected(() -> api.post("/api/crm/lead", badCurrency, customer.accessToken()), 400, "validation_failed");
        Map<String, Object> badPhone = lead(customer.email());
        badPhone.put("phone", "call me maybe");
        rejected(() -> api.post("/api/crm/lead", badPhone, customer.accessToken()), 400, "validation_failed");
    }

    @Test
    void aOneMegabyteBodyIsRefusedBeforeItIsRead() throws Exception {
        String huge = "{\"message\":\"" + "a".repeat(1024 * 1024) + "\"}";
        rejected(() -> api.post("/api/chat", huge, null), 413, "payload_too_large");

        // the same without Content-Length (chunked): counted while reading
        int before = StoredRows.total(db, TABLES);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("payload_too_large");
        assertThat(StoredRows.total(db, TABLES)).isEqualTo(before);
    }

    @Test
    void weakPasswordsAndDuplicateEmailsAreRefused() {
        for (String weak : List.of("short1!", "alllowercaseletters", "Password123", "kundeweak123X")) {
            rejected(() -> api.post("/api/auth/register",
                    Map.of("email", "kundeweak123x@example.com", "username", "Max", "password", weak), null),
                    400, "weak_password");
        }
        String email = uniqueEmail("kunde");
        register(email);
        rejected(() -> api.post("/api/auth/register",
                Map.of("email", email.toUpperCase(), "username", "Other", "password", PASSWORD), null), 409,
                "email_taken");
    }

    @Test
    void anEmailInDisguiseIsNoSecondAccount() {
        String email = uniqueEmail("kunde");
        register(email);
        // full-width letters fold to the address itself: taken; a Cyrillic "а" among Latin letters is refused
        String fullWidth = "\uff4b" + email.substring(1);
        rejected(() -> api.post("/api/auth/register",
                Map.of("email", fullWidth, "username", "Other", "password", PASSWORD), null), 409, "email_taken");
        rejected(() -> api.post("/api/auth/register", Map.of("email", email.replace("example", "ex\u0430mple"),
                "username", "Other", "password", PASSWORD), null), 400, "validation_failed");
        assertThat(api.post("/api/auth/login", Map.of("email", fullWidth, "password", PASSWORD), null)
                .text("email")).isEqualTo(email);
    }

    @Test
    void expiredForgedAndUnsignedTokensAreA401NotAnonymous() throws Exception {
        Account customer = register(uniqueEmail("kunde"));
        String sid = JWTParser.parse(customer.accessToken()).getJWTClaimsSet().getStringClaim("sid");
        Instant past = Instant.now().minusSeconds(3600);
        String expired = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                JwtClaimsSet.builder().issuer("henk-hub").subject(customer.userId()).issuedAt(past.minusSeconds(900))
                        .expiresAt(past).claim("roles", List.of("CUSTOMER")).claim("sid", sid)
                        .claim("email", customer.email()).build())).getTokenValue();
        rejected(() -> api.post("/api/chat", Map.of("message", "Hallo"), expired), 401, "token_expired");

        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("henk-hub").subject(customer.userId())
                .expirationTime(java.util.Date.from(Instant.now().plusSeconds(600)))
                .claim("roles", List.of("ADMIN", "BETA")).claim("sid", sid).build();
        SignedJWT forged = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        forged.sign(new MACSigner(otherKey));
        rejected(() -> api.get("/api/crm/deals", forged.serialize()), 401, "invalid_token");
        rejected(() -> api.post("/api/chat", Map.of("message", "Hallo"), forged.serialize()), 401, "invalid_token");

        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims.toString()) + ".";
        rejected(() -> api.get("/api/crm/deals", none), 401, "invalid_token");
        rejected(() -> api.post("/api/chat", Map.of("message", "Hallo"), "not-a-jwt"), 401, "invalid_token");

        // a token of a logged-out session is dead too
        Api.Response logout = api.post("/api/auth/logout", Map.of(), customer.accessToken());
        assertThat(logout.status()).isEqualTo(204);
        rejected(() -> api.get("/api/auth/me", customer.accessToken()), 401, "invalid_token");
    }

    @Test
    void customersNeverSeeOtherCustomersSessionsOrDeals() {
        Account alice = register(uniqueEmail("alice"));
        Account bob = register(uniqueEmail("bob"));
        String aliceSession = api.post("/api/chat", Map.of("message", "Ich suche einen Anzug"), alice.accessToken())
                .text("session_id");
        rejected(() -> api.get("/api/chat/sessions/" + aliceSession, bob.accessToken()), 404, "session_not_found");
        rejected(() -> api.post("/api/chat", Map.of("message", "Hallo", "session_id", aliceSession),
                bob.accessToken()), 404, "session_not_found");
        rejected(() -> api.post("/api/chat", Map.of("message", "Hallo", "session_id", aliceSession), null), 404,
                "session_not_found");
        rejected(() -> api.get("/api/chat/sessions/" + aliceSession, null), 401, "authentication_required");
        assertThat(api.get("/api/chat/sessions", bob.accessToken()).json().path("sessions")).isEmpty();

        Api.Response aliceLead = api.post("/api/crm/lead", lead(alice.email()), alice.accessToken());
        assertThat(aliceLead.status()).isIn(201, 202);
        long dealId = aliceLead.json().path("deal").path("id").asLong();
        rejected(() -> api.get("/api/crm/deal/" + dealId, bob.accessToken()), 404, "deal_not_found");
        assertThat(api.get("/api/crm/deal/" + dealId, alice.accessToken()).status()).isEqualTo(200);
        rejected(() -> api.get("/api/crm/deals", bob.accessToken()), 403, "forbidden");
        rejected(() -> api.get("/api/crm/deals?email=" + alice.email(), alice.accessToken()), 403, "forbidden");
        rejected(() -> api.put("/api/crm/deal/" + dealId, Map.of("status", "won"), alice.accessToken()), 403,
                "forbidden");
        rejected(() -> api.post("/api/crm/lead", lead(alice.email()), bob.accessToken()), 403, "lead_email_mismatch");
        rejected(() -> api.post("/api/crm/lead", lead(alice.email()), null), 401, "authentication_required");
        rejected(() -> api.get("/api/admin/users", alice.accessToken()), 403, "forbidden");
    }

    @Test
    void onlyTheServerDecidesWhoIsABetaUser() {
        String email = uniqueEmail("kunde");
        Map<String, Object> body = new LinkedHashMap<>(Map.of("email", email, "username", "Max", "password", PASSWORD));
        body.put("is_beta_user", true);
        rejected(() -> api.post("/api/auth/register", body, null), 400, "unknown_field");
        register(email);
        rejected(() -> api.post("/api/auth/login", Map.of("email", email, "password", PASSWORD, "is_beta_user", true),
                null), 403, "not_beta_user");
        rejected(() -> api.post("/api/auth/login", Map.of("email", email, "password", "WrongPass123!"), null), 401,
                "invalid_credentials");
    }

    @Test
    void badDealUpdatesAndQueriesAreRefused() {
        Account sales = salesPerson();
        Account customer = register(uniqueEmail("kunde"));
        long dealId = api.post("/api/crm/lead", lead(customer.email()), customer.accessToken()).json().path("deal")
                .path("id").asLong();
        rejected(() -> api.put("/api/crm/deal/" + dealId, Map.of(), sales.accessToken()), 400, "nothing_to_update");
        rejected(() -> api.put("/api/crm/deal/" + dealId, Map.of("status", "maybe"), sales.accessToken()), 400,
                "validation_failed");
        rejected(() -> api.put("/api/crm/deal/" + dealId, Map.of("stage_id", "2"), sales.accessToken()), 400,
                "invalid_type");
        rejected(() -> api.put("/api/crm/deal/" + dealId, Map.of("lost_reason", "zu teuer"), sales.accessToken()), 400,
                "validation_failed");
        rejected(() -> api.put("/api/crm/deal/999999999", Map.of("status", "won"), sales.accessToken()), 404,
                "deal_not_found");
        rejected(() -> api.put("/api/crm/deal/abc", Map.of("status", "won"), sales.accessToken()), 404,
                "deal_not_found");
        rejected(() -> api.get("/api/crm/deals?page=-1", sales.accessToken()), 400, "invalid_parameter");
        rejected(() -> api.get("/api/crm/deals?size=1000", sales.accessToken()), 400, "invalid_parameter");
        rejected(() -> api.get("/api/crm/deals?status=pending", sales.accessToken()), 400, "invalid_parameter");
        rejected(() -> api.get("/api/crm/deals?email=nobody", sales.accessToken()), 400, "invalid_parameter");
        // the mail record's filter is read as the deal list's: "nobody" is a mistake, not an empty record
        rejected(() -> api.get("/api/crm/mails?email=nobody", sales.accessToken()), 400, "invalid_parameter");
        rejected(() -> api.get("/api/crm/mails?email=a%40b", sales.accessToken()), 400, "invalid_parameter");
        rejected(() -> api.get("/api/crm/mails", sales.accessToken()), 400, "invalid_parameter");
        rejected(() -> api.get("/api/nothing-here", sales.accessToken()), 404, "not_found");
        rejected(() -> api.post("/api/auth/refresh", Map.of("refresh_token", "garbage"), null), 401,
                "invalid_refresh_token");
    }

    @Test
    void everyProblemNamesTheRequestItAnswers() {
        // the chat route replaces the HTTP message early (it drops the request's headers): its problems came
        // without instance, and its unexpected failures were logged as "Request null failed unexpectedly"
        Account sales = salesPerson();
        Account customer = register(uniqueEmail("instance"));
        instance("/api/chat", rejected(() -> api.post("/api/chat", Map.of("message", "Hallo", "session_id",
                "no-such-session"), null), 404, "session_not_found"));
        instance("/api/chat", rejected(() -> api.post("/api/chat", Map.of("message", "x".repeat(2001)), null), 400,
                "message_too_long"));
        instance("/api/chat", rejected(() -> api.post("/api/chat", Map.of("message", "Hallo", "session_id", "s\u0000"),
                customer.accessToken()), 400, "validation_failed"));
        instance("/api/chat/sessions/no-such-session", rejected(() -> api.get("/api/chat/sessions/no-such-session",
                customer.accessToken()), 404, null));
        instance("/api/crm/lead", rejected(() -> api.post("/api/crm/lead", Map.of("name", "Max"),
                customer.accessToken()), 400, "validation_failed"));
        instance("/api/crm/deal/999999999", rejected(() -> api.put("/api/crm/deal/999999999",
                Map.of("status", "won"), sales.accessToken()), 404, "deal_not_found"));
        instance("/api/crm/mails", rejected(() -> api.get("/api/crm/mails?email=nobody", sales.accessToken()), 400,
                "invalid_parameter"));
        instance("/api/fabrics/NO-SUCH-CLOTH", rejected(() -> api.get("/api/fabrics/NO-SUCH-CLOTH", null), 404,
                "fabric_not_found"));
    }

    private static void instance(String path, Api.Response problem) {
        assertThat(problem.json().path("instance").asText()).as(problem.body()).isEqualTo(path);
    }

    @Test
    void aFractionOrABlankStringIsNoNumber() {
        Account sales = salesPerson();
        Account customer = register(uniqueEmail("kunde"));
        long dealId = api.post("/api/crm/lead", lead(customer.email()), customer.accessToken()).json().path("deal")
                .path("id").asLong();
        String before = stageValueStatus(api.get("/api/crm/deal/" + dealId, sales.accessToken()));
        // stage 1.5 was read as stage 1, a blank stage or value as one not sent: 200, the rest of the update applied
        rejected(() -> api.put("/api/crm/deal/" + dealId, Map.of("stage_id", 1.5), sales.accessToken()), 400,
                "invalid_type");
        rejected(() -> api.put("/api/crm/deal/" + dealId, Map.of("stage_id", " ", "status", "won"),
                sales.accessToken()), 400, "invalid_type");
        rejected(() -> api.put("/api/crm/deal/" + dealId, Map.of("value", "  ", "stage_id", 2), sales.accessToken()),
                400, "invalid_type");
        rejected(() -> api.post("/api/auth/login", Map.of("email", customer.email(), "password", PASSWORD,
                "is_beta_user", " "), null), 400, "invalid_type");
        assertThat(stageValueStatus(api.get("/api/crm/deal/" + dealId, sales.accessToken()))).isEqualTo(before);
    }

    @Test
    void aNulCharacterIsRefusedInEveryTextAndEveryQuery() {
        // PostgreSQL can neither store nor compare U+0000: each of these answered 500 there (H2 stored it)
        Account customer = register(uniqueEmail("kunde"));
        Account sales = salesPerson();
        String session = api.post("/api/chat", Map.of("message", "Ich suche einen Anzug"), customer.accessToken())
                .text("session_id");
        naming("message", rejected(() -> api.post("/api/chat", Map.of("message", "Hallo\u0000"),
                customer.accessToken()), 400, "validation_failed"));
        naming("session_id", rejected(() -> api.post("/api/chat", Map.of("message", "Hallo",
                "session_id", session + "\u0000"), customer.accessToken()), 400, "validation_failed"));
        naming("content", rejected(() -> api.post("/api/chat/sessions/" + session + "/messages",
                Map.of("content", "Guten Tag\u0000"), sales.accessToken()), 400, "validation_failed"));
        naming("session_id", rejected(() -> api.post("/api/auth/register", Map.of("email", uniqueEmail("nul"),
                "username", "Max", "password", PASSWORD, "session_id", "a\u0000b"), null), 400, "validation_failed"));
        naming("email", rejected(() -> api.post("/api/auth/login", Map.of("email", "a\u0000b@example.com",
                "password", PASSWORD), null), 400, "validation_failed"));
        naming("notes", rejected(() -> api.post("/api/appointments", Map.of("date",
                de.henk.hub.support.AtelierDays.nextOpenWeekday().toString(), "time", "10:00", "type", "consultation",
                "notes", "bitte klingeln\u0000"), customer.accessToken()), 400, "validation_failed"));
        Account admin = admin();
        for (String path : List.of("/api/crm/deals?email=a%00b%40example.com", "/api/crm/mails?email=%00",
                "/api/appointments?customer_id=%00", "/api/admin/users?email=%00", "/api/fabrics/search?q=Leinen%00",
                "/api/orders?status=confirmed%00")) {
            rejected(() -> api.get(path, admin.accessToken()), 400, "malformed_query");
        }
        assertThat(api.get("/api/chat/sessions/" + session, sales.accessToken()).json().path("messages")).hasSize(2);
    }

    @Test
    void aWebhookWhoseMetaDoesNotFitItsColumnsIsRefused() {
        String basic = webhookAuthorization(WEBHOOK_USER, WEBHOOK_PASSWORD);
        long before = db.sql("select count(*) from crm_webhook_event").query(Long.class).single();
        // an entity or action longer than its column answered 500; one with a NUL or a line break was stored
        for (Map<String, Object> meta : List.<Map<String, Object>>of(
                Map.of("id", "evt-long-entity", "entity", "deal".repeat(8), "action", "change", "entity_id", "1"),
                Map.of("id", "evt-long-action", "entity", "deal", "action", "change".repeat(6), "entity_id", "1"),
                Map.of("id", "evt-nul", "entity", "deal\u0000", "action", "change", "entity_id", "1"),
                Map.of("id", "evt\r\nx", "entity", "deal", "action", "change", "entity_id", "1"))) {
            rejected(() -> api.send("POST", "/api/crm/webhooks/pipedrive", Map.of("meta", meta, "data", Map.of()),
                    Map.of("Authorization", basic)), 400, "invalid_webhook");
        }
        assertThat(db.sql("select count(*) from crm_webhook_event").query(Long.class).single()).isEqualTo(before);
    }

    private static String stageValueStatus(Api.Response deal) {
        return deal.json().path("stage_id") + " " + deal.json().path("value") + " " + deal.json().path("status");
    }

    private static void naming(String field, Api.Response response) {
        List<String> fields = new java.util.ArrayList<>();
        response.json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
        assertThat(fields).as(response.toString()).contains(field);
    }

    @Test
    void unicodeAndInjectionStringsAreJustText() {
        String email = uniqueEmail("o'brien");
        String username = "Jürgen Ä'; DROP TABLE app_user;-- 😀";
        Api.Response registered = api.post("/api/auth/register",
                Map.of("email", email, "username", username, "password", PASSWORD), null);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        Api.Response me = api.get("/api/auth/me", registered.text("access_token"));
        assertThat(me.text("username")).isEqualTo(username);

        String message = "Größe 52 – ' OR 1=1 -- <script>alert(1)</script> 👔 ${jndi:ldap://x}";
        Api.Response chat = api.post("/api/chat", Map.of("message", message), registered.text("access_token"));
        assertThat(chat.status()).isEqualTo(200);
        Api.Response session = api.get("/api/chat/sessions/" + chat.text("session_id"), registered.text("access_token"));
        assertThat(session.json().path("messages").get(0).path("content").asText()).isEqualTo(message);

        Api.Response wildcard = api.get("/api/admin/users?email=%25", admin().accessToken());
        assertThat(wildcard.status()).isEqualTo(200);
        assertThat(wildcard.json().path("users")).isEmpty();
    }

    private Api.Response rejected(Supplier<Api.Response> call, int status, String code) {
        int before = StoredRows.total(db, TABLES);
        Api.Response response = call.get();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("detail").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        if (code != null) {
            assertThat(response.json().path("code").asText()).isEqualTo(code);
        } else {
            assertThat(response.json().path("code").asText()).isNotBlank();
        }
        assertThat(StoredRows.total(db, TABLES)).as("nothing stored by a rejected request").isEqualTo(before);
        return response;
    }

    private static Map<String, Object> lead(String email) {
        Map<String, Object> lead = StoredRows.validLead(email);
        lead.put("phone", "+49 170 1234567");
        lead.put("deal_title", "Hochzeits-Anzug Juni 2026");
        return lead;
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
