package de.henk.hub.journey;

import de.henk.hub.support.HubTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The use case's JavaScript client, unchanged, run with node against the running hub: anonymous chat with an
 * empty Authorization header, register, authenticated chat, lead, and the beta dashboard's getDeals.
 */
class SeedJavaScriptClientTest extends HubTest {

    private static final Path CLIENT = Path.of("src/test/js/seed-client.mjs");
    private static final Path SEED_COPY = Path.of("src/test/js/seed-frontend.js");
    private static final Path SEED = Path.of("../shared/seed/use-case.de.md");

    @Test
    void theSeedFrontendFunctionsWorkUnchanged() throws Exception {
        Assumptions.assumeTrue(nodeAvailable() || "true".equals(System.getenv("CI")),
                "node is not installed (CI requires it)");
        Account sales = salesPerson();
        String customer = uniqueEmail("kunde");
        ProcessBuilder node = new ProcessBuilder("node", CLIENT.toString()).redirectErrorStream(true);
        node.environment().put("HUB_URL", api.baseUrl());
        node.environment().put("CUSTOMER_EMAIL", customer);
        node.environment().put("SALES_EMAIL", sales.email());
        node.environment().put("SALES_PASSWORD", PASSWORD);
        Process process = node.start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("\"ok\":true");
        assertThat(PIPEDRIVE.deals()).extracting(d -> d.path("title").asText()).contains("Hochzeits-Anzug Juni 2025");
    }

    @Test
    void theCopiedFrontendCodeIsExactlyTheSeeds() throws IOException {
        Assumptions.assumeTrue(Files.exists(SEED), "../shared is not beside this clone");
        String seed = Files.readString(SEED);
        int start = seed.indexOf("```javascript\n") + "```javascript\n".length();
        String block = seed.substring(start, seed.indexOf("```", start));
        assertThat(Files.readString(SEED_COPY)).isEqualTo(block);
    }

    private static boolean nodeAvailable() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
