package de.henk.hub.system;

import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator reads failures off the metrics: a refused request is not counted as a success, and the shop's own
 * numbers — leads by source and result, chat turns by concierge, Pipedrive calls by status, mails by template —
 * are counters that move with what happened (and carry no personal data).
 */
class MetricsTellFailuresFromSuccessesTest extends HubTest {

    @Test
    void refusedRequestsAreClientErrorsAndTheBusinessCountersMove() {
        Account customer = register(uniqueEmail("zaehler"));
        double leadsBefore = counter("henk_leads_total", "result=\"created\",source=\"api\"");
        double turnsBefore = counter("henk_chat_turns_total", "concierge=\"offline\"");
        double dealPostsBefore = counter("henk_pipedrive_calls_total", "method=\"POST\",status=\"200\"")
                + counter("henk_pipedrive_calls_total", "method=\"POST\",status=\"201\"");

        Api.Response bad = api.post("/api/crm/lead", Map.of("name", "Max", "deal_title", "", "deal_value", -5),
                customer.accessToken());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(api.post("/api/crm/lead", Map.of("name", "Max", "email", customer.email(), "deal_title", "Anzug",
                "deal_value", 1200), customer.accessToken()).status()).isIn(201, 202);
        assertThat(api.post("/api/chat", Map.of("message", "Hallo, ich suche einen Anzug"), null).status())
                .isEqualTo(200);

        String metrics = prometheus();
        assertThat(metrics).containsPattern("henk_route_exchanges_seconds_count\\{outcome=\"client_error\",route=\"");
        assertThat(metrics).doesNotContain(customer.email());
        assertThat(counter("henk_leads_total", "result=\"created\",source=\"api\"")).isEqualTo(leadsBefore + 1);
        assertThat(counter("henk_chat_turns_total", "concierge=\"offline\"")).isEqualTo(turnsBefore + 1);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                counter("henk_pipedrive_calls_total", "method=\"POST\",status=\"200\"")
                        + counter("henk_pipedrive_calls_total", "method=\"POST\",status=\"201\"") > dealPostsBefore);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                counter("henk_mails_total", "result=\"sent\",template=\"lead-created-team\"") >= 1);
    }

    @Test
    void pipedriveFailuresAreCountedByTheirStatus() {
        Account customer = register(uniqueEmail("zaehler-fehler"));
        double before = counter("henk_pipedrive_calls_total", "status=\"503\"", true);
        PIPEDRIVE.failNext(3, 503);
        try {
            api.post("/api/crm/lead", Map.of("name", "Max", "email", customer.email(), "deal_title", "Smoking",
                    "deal_value", 900), customer.accessToken());
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    counter("henk_pipedrive_calls_total", "status=\"503\"", true) > before);
        } finally {
            PIPEDRIVE.clearFaults();
        }
        assertThat(prometheus()).containsPattern("henk_endpoint_calls_seconds_count\\{endpoint=\"http[^\"]*\",outcome=\"server_error\"");
    }

    private String prometheus() {
        Api.Response response = api.get("/actuator/prometheus", null);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private double counter(String name, String labels) {
        return counter(name, labels, false);
    }

    /** The counter's value for exactly these labels, or (partial) the sum over every series that has them. */
    private double counter(String name, String labels, boolean partial) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} ([0-9.eE+-]+)$").matcher(prometheus());
        double sum = 0;
        while (m.find()) {
            if (partial ? m.group(1).contains(labels) : m.group(1).equals(labels)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }
}
