package de.henk.hub.crm;

import de.henk.hub.support.Api;
import de.henk.hub.support.OwnDatabase;
import de.henk.hub.support.PipedriveSimulator;
import de.henk.hub.support.SecondHub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pipedrive's burst limit is per API token, not per hub instance: two instances on one database share one request
 * budget, so a burst of leads spread over both stays (nearly) within the limit instead of each instance spending the
 * whole of it and both living on Pipedrive's 429s — and every lead still reaches Pipedrive exactly once.
 *
 * <p>The two hubs get a database and a Pipedrive of their own: the suite's other hubs run with an unlimited budget
 * and would push these leads too.
 */
class SharedPipedriveBudgetTest {

    /** Pipedrive's limit and the hubs' configured budget: the same, as an operator configures it. */
    private static final int LIMIT = 40;
    private static final Duration WINDOW = Duration.ofSeconds(1);
    private static final int LEADS = 200;
    /**
     * 429s allowed, as a share of all calls. A permit is busy for the window plus a twentieth of it from the moment it
     * is taken, and a window after Pipedrive's answer to its call: a call that reaches Pipedrive late (a CI run with
     * both cores saturated once saw 6 of ~600 calls refused, when only the first stamp counted) no longer lets the
     * next call on its permit meet a full window. On an idle machine the burst sees none. Without sharing
     * (henk.pipedrive.limits.shared false, measured 2026-12-06 on an idle machine) the same burst met 46 of 712 calls,
     * 6.5 %: the bound tells the two apart with room for a loaded machine's delays.
     */
    private static final double MAX_429_SHARE = 0.02;
    private static final String ADMIN = "admin@budget.test";
    private static final String ADMIN_PASSWORD = "Budget-Admin-2026!";

    @Test
    void aBurstSpreadOverTwoInstancesStaysWithinPipedrivesLimit() throws Exception {
        try (OwnDatabase database = OwnDatabase.create();
             PipedriveSimulator pipedrive = PipedriveSimulator.start("budget-token-" + System.nanoTime())) {
            pipedrive.setRateLimit(LIMIT, WINDOW);
            Map<String, String> settings = settings(database, pipedrive);
            try (SecondHub first = SecondHub.start(settings); SecondHub second = SecondHub.start(settings)) {
                String sales = salesPerson(first.api());
                int startupCalls = pipedrive.requests().size();
                ExecutorService clients = Executors.newFixedThreadPool(20);
                long start = System.nanoTime();
                List<Future<Api.Response>> posted = new ArrayList<>();
                for (int i = 0; i < LEADS; i++) {
                    Api target = i % 2 == 0 ? first.api() : second.api();
                    Map<String, Object> lead = Map.of("name", "Kunde " + i, "email", "burst-" + i + "-"
                            + UUID.randomUUID().toString().substring(0, 6) + "@example.com", "deal_title", "Anzug " + i,
                            "deal_value", 1000 + i);
                    posted.add(clients.submit(() -> target.post("/api/crm/lead", lead, sales)));
                }
                int inline = 0;
                for (Future<Api.Response> response : posted) {
                    Api.Response accepted = response.get(60, TimeUnit.SECONDS);
                    assertThat(accepted.status()).as(accepted.toString()).isIn(201, 202);
                    inline += accepted.status() == 201 ? 1 : 0;
                }
                clients.shutdown();

                await().atMost(Duration.ofSeconds(80)).pollInterval(Duration.ofMillis(250))
                        .untilAsserted(() -> assertThat(pipedrive.deals()).hasSize(LEADS));
                long millis = (System.nanoTime() - start) / 1_000_000;
                Thread.sleep(1000); // nothing arrives twice later
                JdbcClient db = first.context().getBean(JdbcClient.class);
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(db.sql(
                        "select count(*) from crm_deal where sync_status <> 'synced'").query(Long.class).single())
                        .isZero());
                System.out.printf("Shared Pipedrive budget: %d leads over two instances (%d synced inline), %d Pipedrive"
                                + " calls (%d at start) in %d ms, %d answered 429%n", LEADS, inline,
                        pipedrive.requests().size(), startupCalls, millis, pipedrive.rateLimited());

                assertThat(pipedrive.deals()).hasSize(LEADS);
                assertThat(new HashSet<>(pipedrive.deals().stream().map(d -> d.path("origin_id").asText()).toList()))
                        .hasSize(LEADS);
                assertThat(pipedrive.persons()).hasSize(LEADS);
                assertThat(pipedrive.rateLimited()).as("429s from Pipedrive of %d calls", pipedrive.requests().size())
                        .isLessThanOrEqualTo((int) (pipedrive.requests().size() * MAX_429_SHARE));
            }
        }
    }

    /** Both hubs on the test's database and Pipedrive, with Pipedrive's limit as their budget. */
    private static Map<String, String> settings(OwnDatabase database, PipedriveSimulator pipedrive) throws Exception {
        Map<String, String> settings = SecondHub.onTheirOwn(database, pipedrive, ADMIN, ADMIN_PASSWORD);
        settings.put("henk.pipedrive.limits.requests-per-window", String.valueOf(LIMIT));
        settings.put("henk.pipedrive.limits.window", WINDOW.toMillis() + "ms");
        return settings;
    }

    /** A sales-team member (BETA) on the hubs' own database: leads for any customer, no per-customer limits. */
    private static String salesPerson(Api api) {
        String admin = api.post("/api/auth/login", Map.of("email", ADMIN, "password", ADMIN_PASSWORD), null)
                .text("access_token");
        Api.Response registered = api.post("/api/auth/register", Map.of("email", "sales@budget.test", "username",
                "Vera Verkauf", "password", "SecurePass123!"), null);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        Api.Response granted = api.put("/api/admin/users/" + registered.text("user_id") + "/roles",
                Map.of("roles", List.of("BETA")), admin);
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        Api.Response login = api.post("/api/auth/login", Map.of("email", "sales@budget.test", "password",
                "SecurePass123!", "is_beta_user", true), null);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.text("access_token");
    }
}
