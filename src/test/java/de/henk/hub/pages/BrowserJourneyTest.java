package de.henk.hub.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The web pages in a real browser: {@code src/test/browser/journeys.mjs} drives Debian's Chromium with
 * playwright-core through the customer's journey in the widget (anonymous chat, fabric cards, registration, a
 * personalised turn that becomes a lead, a booked time, a request for a person) and the sales team's journey in the
 * dashboard (BETA login, the deal, its details with the conversation, update to won, answering the handoff).
 * axe-core checks each page load and a chat turn (no serious or critical violations), and any Content-Security-Policy
 * violation fails. Screenshots land in {@code target/browser/}. Afterwards this test checks over the API and the
 * Pipedrive simulator that what the pages showed really happened.
 *
 * <p>Needs {@code node}, {@code chromium} ({@code HENK_CHROMIUM} or {@code /usr/bin/chromium}) and the two npm
 * packages ({@code npm ci} in src/test/browser, run here when missing). Without them the test is skipped locally;
 * with {@code CI=true} it fails instead.
 */
class BrowserJourneyTest extends HubTest {

    private static final Path BROWSER_TESTS = Path.of("src/test/browser");
    private static final Path OUT = Path.of("target/browser");
    private static final boolean CI = "true".equals(System.getenv("CI"));

    @Test
    void theCustomerAndTheSalesTeamWalkThroughThePagesInABrowser() throws Exception {
        String chromium = System.getenv().getOrDefault("HENK_CHROMIUM", "/usr/bin/chromium");
        List<String> missing = missingTools(chromium);
        if (!missing.isEmpty()) {
            if (CI) fail("CI=true but the browser test cannot run: " + missing);
            Assumptions.abort("browser test skipped: " + String.join(", ", missing)
                    + " (.ci/run installs them: apt-get install chromium nodejs npm; npm ci in src/test/browser)");
        }
        Account sales = salesPerson();
        String customer = uniqueEmail("browser");
        Files.createDirectories(OUT);

        boolean finished;
        ProcessBuilder node = new ProcessBuilder("node", "journeys.mjs").directory(BROWSER_TESTS.toFile())
                .redirectErrorStream(true).redirectOutput(OUT.resolve("journeys.log").toFile());
        node.environment().put("HUB_URL", api.baseUrl());
        node.environment().put("CUSTOMER_EMAIL", customer);
        node.environment().put("SALES_EMAIL", sales.email());
        node.environment().put("SALES_PASSWORD", PASSWORD);
        node.environment().put("OUT_DIR", OUT.toAbsolutePath().toString());
        node.environment().put("CHROMIUM", chromium);
        Process process;
        HttpServer shop = shopSite();
        try {
            node.environment().put("SHOP_URL", "http://localhost:" + shop.getAddress().getPort() + "/");
            process = node.start();
            finished = process.waitFor(150, TimeUnit.SECONDS);
            if (!finished) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } finally {
            shop.stop(0);
        }
        String output = Files.readString(OUT.resolve("journeys.log"));
        assertThat(finished).as("journeys did not finish in 150 s:\n" + output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        JsonNode result = result(output);
        assertThat(result.path("ok").asBoolean()).as(output).isTrue();
        assertThat(result.path("csp")).as("CSP violations").isEmpty();
        assertThat(result.path("axe")).hasSizeGreaterThanOrEqualTo(5);
        for (JsonNode check : result.path("axe")) {
            assertThat(check.path("rulesPassed").asInt()).as("axe ran: " + check).isPositive();
            assertThat(check.path("blocking")).as("axe: " + check).isEmpty();
        }
        assertThat(result.path("steps")).extracting(JsonNode::asText).contains("embedded on another site: HENK answers");
        assertThat(result.path("fabrics").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(result.path("dealLine").asText()).matches("Max M\\. - .+ - 2500€ / Status: Open \\| .+");
        for (String screenshot : List.of("widget-recommendations", "widget-lead", "widget-embedded", "dashboard", "dashboard-deal-won")) {
            assertThat(OUT.resolve(screenshot + ".png")).isNotEmptyFile();
        }

        // what the pages showed happened in the hub and in Pipedrive
        JsonNode deal = api.get("/api/crm/deals?email=" + customer, sales.accessToken()).json().path("deals").get(0);
        assertThat(deal.path("status").asText()).isEqualTo("won");
        assertThat(deal.path("value").decimalValue()).isEqualByComparingTo("2800");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(PIPEDRIVE.deals())
                .filteredOn(d -> d.path("title").asText().equals(deal.path("title").asText())
                        && d.path("status").asText().equals("won"))
                .extracting(d -> d.path("value").decimalValue().intValue()).contains(2800));
        String sessionId = result.path("sessionId").asText();
        JsonNode session = api.get("/api/chat/sessions/" + sessionId, sales.accessToken()).json();
        assertThat(session.path("messages")).extracting(m -> m.path("author").asText()).contains("customer", "henk",
                "staff");
        JsonNode linked = api.get("/api/crm/deal/" + deal.path("id").asLong() + "/sessions", sales.accessToken()).json();
        assertThat(linked.path("sessions")).extracting(s -> s.path("session_id").asText()).containsExactly(sessionId);
        Api.Response appointments = api.get("/api/appointments?size=100", sales.accessToken());
        assertThat(appointments.json().path("appointments")).filteredOn(a -> a.path("customer_email").asText()
                .equals(customer)).extracting(a -> a.path("status").asText()).contains("booked");
        assertThat(api.get("/api/handoffs", sales.accessToken()).json().path("handoffs"))
                .noneMatch(h -> h.path("session_id").asText().equals(sessionId));
        assertThat(api.get("/api/orders?size=100", sales.accessToken()).json().path("orders"))
                .anyMatch(o -> o.path("deal_id").asLong() == deal.path("id").asLong());
        assertThat(result.path("seconds").asDouble()).as("browser journeys time").isLessThan(120);
    }

    /**
     * Another site that embeds the widget with one script tag, on an origin the default henk.cors.allowed-origins
     * lists (localhost:5173, 3000 or 8080, whichever is free), so the widget's API calls are cross-origin.
     */
    private HttpServer shopSite() throws IOException {
        byte[] page = ("<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Ein Schneider-Shop</title>"
                + "</head><body><main><h1>Ein Schneider-Shop</h1><p>Maßanzüge aus München.</p></main>"
                + "<script src=\"" + api.baseUrl() + "/widget.js\" defer></script></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        for (int port : new int[] {5173, 3000, 8080}) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
                server.createContext("/", exchange -> {
                    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    boolean root = exchange.getRequestURI().getPath().equals("/");
                    exchange.sendResponseHeaders(root ? 200 : 404, root ? page.length : -1);
                    if (root) exchange.getResponseBody().write(page);
                    exchange.close();
                });
                server.start();
                return server;
            } catch (java.net.BindException taken) {
                // the next allowed origin
            }
        }
        throw new IllegalStateException("ports 5173, 3000 and 8080 are all taken: no allowed origin for the shop site");
    }

    private static JsonNode result(String output) throws IOException {
        String line = output.lines().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no RESULT line:\n" + output));
        return new ObjectMapper().readTree(line.substring("RESULT ".length()));
    }

    /** What is missing to run the browser journeys; installs the npm packages when only they are missing. */
    private static List<String> missingTools(String chromium) throws InterruptedException {
        List<String> missing = new ArrayList<>();
        if (!runs("node", "--version")) missing.add("node is not installed");
        if (!Files.isExecutable(Path.of(chromium))) missing.add(chromium + " is not installed");
        if (missing.isEmpty() && !Files.isDirectory(BROWSER_TESTS.resolve("node_modules/playwright-core"))) {
            if (!runsIn(BROWSER_TESTS, 180, "npm", "ci", "--no-audit", "--no-fund")) {
                missing.add("npm ci in src/test/browser failed");
            }
        }
        return missing;
    }

    private static boolean runs(String... command) throws InterruptedException {
        return runsIn(Path.of("."), 20, command);
    }

    private static boolean runsIn(Path dir, int seconds, String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(seconds, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
