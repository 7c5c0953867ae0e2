package de.henk.hub.pages;

import com.fasterxml.jackson.databind.JsonNode;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web pages without a browser: served to anyone from the jar, with the CSP they are written for (no inline
 * script or style anywhere in them), CORS that lets an allowed site embed the widget and no other, and the two
 * read-only endpoints the dashboard needs.
 */
class WebPagesTest extends HubTest {

    private static final Path STATIC = Path.of("src/main/resources/static");

    @Test
    void bothPagesAndTheWidgetAreServedToAnyoneWithThePagePolicy() {
        Api.Response chat = api.get("/", null);
        assertThat(chat.status()).isEqualTo(200);
        assertThat(chat.header("Content-Type")).startsWith("text/html");
        assertThat(chat.body()).contains("<henk-chat", "Chat ohne Login", "Optional: Registrierung",
                "Für personalisierte Empfehlungen", "Jemand kontaktiert Sie");
        assertThat(chat.header("Content-Security-Policy")).isEqualTo(WebPages.PAGE_POLICY);

        Api.Response dashboard = api.get("/dashboard", null);
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Dashboard - Sales Team", "Aktuelle Deals");
        assertThat(dashboard.header("Content-Security-Policy")).isEqualTo(WebPages.PAGE_POLICY);

        Api.Response widget = api.get("/widget.js", null);
        assertThat(widget.status()).isEqualTo(200);
        assertThat(widget.header("Content-Type")).contains("javascript");
        assertThat(widget.body()).contains("customElements.define('henk-chat'");

        assertThat(api.get("/api/fabrics/search?q=blau", null).header("Content-Security-Policy"))
                .isEqualTo(WebPages.API_POLICY);
        // a page that does not exist is not there, for anyone (it was a 401, as if signing in would show it)
        Api.Response missing = api.get("/not-a-page.html", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("code")).isEqualTo("not_found");
    }

    /**
     * Every page, script and style sheet names its charset: the widget's script is loaded into other sites' pages,
     * and a script or style sheet without one is decoded in the loading page's encoding (umlauts break on a
     * windows-1252 shop page). They all hold non-ASCII text, so the label matters.
     */
    @Test
    void pagesScriptsAndStylesSayTheyAreUtf8() {
        for (String file : List.of("/", "/dashboard", "/widget.js", "/site.js", "/dashboard.js", "/widget.css",
                "/site.css", "/dashboard.css")) {
            Api.Response served = api.get(file, null);
            assertThat(served.status()).as(file).isEqualTo(200);
            String type = served.header("Content-Type").toLowerCase(java.util.Locale.ROOT).replace(" ", "");
            assertThat(type).as(file).matches("(text/html|text/javascript|text/css);charset=utf-8");
        }
    }

    @Test
    void thePagesNeedNoInlineScriptOrStyle() throws IOException {
        Pattern inline = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>|\\sstyle\\s*=|\\son[a-z]+\\s*=|<style",
                Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.list(STATIC)) {
            List<Path> pages = files.filter(f -> f.toString().endsWith(".html")).toList();
            assertThat(pages).hasSizeGreaterThanOrEqualTo(2);
            for (Path page : pages) {
                assertThat(inline.matcher(Files.readString(page)).find()).as(page + " has inline script or style").isFalse();
            }
        }
    }

    @Test
    void anAllowedSiteMayCallTheApiFromTheWidgetAndAnotherMayNot() {
        Api.Response allowed = api.send("OPTIONS", "/api/chat", null, Map.of("Origin", "http://localhost:5173",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type,authorization"));
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
        assertThat(allowed.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");

        Api.Response other = api.send("OPTIONS", "/api/chat", null, Map.of("Origin", "https://elsewhere.example",
                "Access-Control-Request-Method", "POST"));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void theSalesTeamSeesWhichConversationADealCameFromAndAHandEnteredLeadHasNone() {
        Account customer = register(uniqueEmail("conversation"));
        String session = null;
        JsonNode turn = null;
        for (String message : List.of("Ich suche einen Anzug für eine Hochzeit", "Im Juni, Budget ca. 2500 Euro",
                "klassisch, gern blau", "Ja, gerne einen Termin zum Maßnehmen")) {
            Map<String, Object> body = session == null ? Map.of("message", message)
                    : Map.of("message", message, "session_id", session);
            turn = api.post("/api/chat", body, customer.accessToken()).json();
            session = turn.path("session_id").asText();
        }
        assertThat(turn.path("lead").path("status").asText()).isEqualTo("created");
        long fromChat = turn.path("lead").path("deal_id").asLong();
        Account sales = salesPerson();

        JsonNode linked = api.get("/api/crm/deal/" + fromChat + "/sessions", sales.accessToken()).json();
        assertThat(linked.path("deal_id").asLong()).isEqualTo(fromChat);
        assertThat(linked.path("sessions")).hasSize(1);
        assertThat(linked.path("sessions").get(0).path("session_id").asText()).isEqualTo(session);
        assertThat(linked.path("sessions").get(0).path("phase").asText()).isEqualTo(turn.path("phase").asText());

        Api.Response entered = api.post("/api/crm/lead", leadBody("Anna Schmidt", uniqueEmail("anna"),
                "Business-Anzug", 1800), sales.accessToken());
        long byHand = entered.json().path("deal").path("id").asLong();
        assertThat(api.get("/api/crm/deal/" + byHand + "/sessions", sales.accessToken()).json().path("sessions"))
                .isEmpty();

        assertThat(api.get("/api/crm/deal/" + fromChat + "/sessions", customer.accessToken()).status()).isEqualTo(403);
        Api.Response unknown = api.get("/api/crm/deal/99999999/sessions", sales.accessToken());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("deal_not_found");
    }

    @Test
    void theSalesTeamListsOrdersByStatus() {
        Account sales = salesPerson();
        String email = uniqueEmail("order");
        register(email);
        long deal = api.post("/api/crm/lead", leadBody("Max Mustermann", email, "Hochzeits-Anzug", 2500),
                sales.accessToken()).json().path("deal").path("id").asLong();
        assertThat(api.put("/api/crm/deal/" + deal, Map.of("status", "won"), sales.accessToken()).status()).isEqualTo(200);

        JsonNode confirmed = api.get("/api/orders?status=confirmed&size=100", sales.accessToken()).json();
        assertThat(confirmed.path("orders")).anyMatch(o -> o.path("deal_id").asLong() == deal);
        assertThat(confirmed.path("orders")).allMatch(o -> o.path("status").asText().equals("confirmed"));
        assertThat(confirmed.path("page").path("size").asInt()).isEqualTo(100);
        assertThat(api.get("/api/orders?status=cutting&size=100", sales.accessToken()).json().path("orders"))
                .noneMatch(o -> o.path("deal_id").asLong() == deal);

        Api.Response bad = api.get("/api/orders?status=sewn", sales.accessToken());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("code")).isEqualTo("unknown_order_status");
        assertThat(api.get("/api/orders", register(uniqueEmail("nosy")).accessToken()).status()).isEqualTo(403);
        assertThat(api.get("/api/orders", null).status()).isEqualTo(401);
    }
}
