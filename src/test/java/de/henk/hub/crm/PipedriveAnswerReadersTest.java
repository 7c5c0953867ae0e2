package de.henk.hub.crm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Map;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The readers of Pipedrive's answers take every valid spelling: header names in any case, ids and values as text. */
class PipedriveAnswerReadersTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void onlyAnActiveV2WebhookToTheHubCountsAsRegistered() throws Exception {
        String url = "https://hub.example.com/api/crm/webhooks/pipedrive";
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(PipedriveRequests.deliversToHub(json.readTree(
                "{\"subscription_url\":\"" + url + "\",\"is_active\":1,\"version\":\"2.0\"}"), url)).isTrue();
        assertThat(PipedriveRequests.deliversToHub(json.readTree("{\"subscription_url\":\"" + url + "\"}"), url))
                .isTrue();
        // deactivated by Pipedrive after failed deliveries, or made by hand in the v1 format: the hub adds its own
        assertThat(PipedriveRequests.deliversToHub(json.readTree(
                "{\"subscription_url\":\"" + url + "\",\"is_active\":0,\"version\":\"2.0\"}"), url)).isFalse();
        assertThat(PipedriveRequests.deliversToHub(json.readTree(
                "{\"subscription_url\":\"" + url + "\",\"is_active\":false}"), url)).isFalse();
        assertThat(PipedriveRequests.deliversToHub(json.readTree(
                "{\"subscription_url\":\"" + url + "\",\"is_active\":1,\"version\":\"1.0\"}"), url)).isFalse();
        assertThat(PipedriveRequests.deliversToHub(json.readTree(
                "{\"subscription_url\":\"https://elsewhere.example.com/hook\",\"is_active\":1}"), url)).isFalse();
    }

    @Test
    void retryAfterIsReadWhateverTheCaseOfItsName() {
        PipedriveFailures failures = new PipedriveFailures();
        assertThat(failures.retryAfterMs(tooManyRequests(Map.of("RETRY-AFTER", "7")))).isEqualTo(7000L);
        assertThat(failures.retryAfterMs(tooManyRequests(Map.of("X-Ratelimit-Reset", "4")))).isEqualTo(4000L);
        assertThat(failures.retryAfterMs(tooManyRequests(Map.of("retry-after", "3")))).isEqualTo(3000L);
        assertThat(failures.retryAfterMs(tooManyRequests(Map.of("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"))))
                .isNull();
        assertThat(failures.retryAfterMs(tooManyRequests(Map.of()))).isNull();
    }

    @Test
    void idsAndValuesAreReadAsNumbersOrTheirDigits() {
        assertThat(PipedriveResponses.number(NODES.numberNode(501L))).isEqualTo(501L);
        assertThat(PipedriveResponses.number(NODES.textNode("501"))).isEqualTo(501L);
        assertThat(PipedriveResponses.number(NODES.textNode("abc"))).isNull();
        assertThat(PipedriveResponses.number(NODES.nullNode())).isNull();
        assertThat(PipedriveResponses.number(NODES.missingNode())).isNull();
        assertThat(DealMirror.amount(NODES.numberNode(2500.5))).isEqualByComparingTo("2500.5");
        assertThat(DealMirror.amount(NODES.textNode("2500.50"))).isEqualByComparingTo("2500.5");
        // not a value Pipedrive said: the hub's value stays (null), never 0
        assertThat(DealMirror.amount(NODES.textNode("n/a"))).isNull();
        assertThat(DealMirror.amount(NODES.nullNode())).isNull();
    }

    private static HttpOperationFailedException tooManyRequests(Map<String, String> headers) {
        return new HttpOperationFailedException("http://pipedrive/api/v2/deals", 429, "Too Many Requests", null,
                headers, "{\"success\":false}");
    }
}
