package de.henk.hub.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.support.PipedriveSimulator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pipedrive sends webhooks in two formats: v2 (meta.id is the event's, meta.entity_id the entity's, digits as text)
 * and v1 (meta.object, meta.id the entity's, current/previous, event "updated.deal", a retry counter). Both say which
 * entity changed; a v1 event delivered again keeps its id, the next change of the entity gets another.
 */
class PipedriveWebhookEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static PipedriveWebhookEvent of(String body) throws Exception {
        return PipedriveWebhookEvent.of(JSON.readTree(body));
    }

    @Test
    void aV2EventIsReadFromItsMeta() throws Exception {
        PipedriveWebhookEvent event = of(PipedriveSimulator.webhookEvent("change", "deal", 42, Map.of("id", 42),
                Map.of("status", "open")));
        assertThat(event.entity()).isEqualTo("deal");
        assertThat(event.action()).isEqualTo("change");
        assertThat(event.entityId()).isEqualTo(42L);
        assertThat(event.id()).isNotBlank().doesNotStartWith("v1-");
    }

    @Test
    void aV2DeleteWithoutEntityIdNamesItInPrevious() throws Exception {
        PipedriveWebhookEvent event = of("""
                {"meta":{"id":"e-1","action":"delete","entity":"deal","version":"2.0"},"data":null,
                 "previous":{"id":7,"status":"open"}}""");
        assertThat(event.action()).isEqualTo("delete");
        assertThat(event.entityId()).isEqualTo(7L);
    }

    @Test
    void aV1EventIsReadInV2Words() throws Exception {
        PipedriveWebhookEvent updated = of(PipedriveSimulator.webhookEventV1("updated", "deal", 42,
                Map.of("id", 42, "status", "won"), Map.of("status", "open"), 0));
        assertThat(updated.entity()).isEqualTo("deal");
        assertThat(updated.action()).isEqualTo("change");
        assertThat(updated.entityId()).isEqualTo(42L);
        assertThat(updated.id()).startsWith("v1-deal-42-updated-");

        assertThat(of(PipedriveSimulator.webhookEventV1("added", "person", 5, Map.of("id", 5), null, 0)).action())
                .isEqualTo("create");
        assertThat(of(PipedriveSimulator.webhookEventV1("merged", "person", 5, Map.of("id", 5), null, 0)).action())
                .isEqualTo("change");
        PipedriveWebhookEvent deleted = of(PipedriveSimulator.webhookEventV1("deleted", "deal", 9, null,
                Map.of("id", 9), 0));
        assertThat(deleted.action()).isEqualTo("delete");
        assertThat(deleted.entityId()).isEqualTo(9L);
    }

    @Test
    void aV1EventDeliveredAgainKeepsItsIdAndTheNextChangeGetsAnother() throws Exception {
        String first = PipedriveSimulator.webhookEventV1("updated", "deal", 42, Map.of("id", 42), Map.of(), 0);
        JsonNode again = JSON.readTree(first);
        ((com.fasterxml.jackson.databind.node.ObjectNode) again).put("retry", 1);
        assertThat(PipedriveWebhookEvent.of(again).id()).isEqualTo(of(first).id());
        Thread.sleep(2);
        String next = PipedriveSimulator.webhookEventV1("updated", "deal", 42, Map.of("id", 42), Map.of(), 0);
        assertThat(of(next).id()).isNotEqualTo(of(first).id());
    }

    @Test
    void aV1EventWithoutTimestampsIsKnownByItsBodyWithoutTheRetryCounter() throws Exception {
        String body = """
                {"v":1,"meta":{"action":"updated","object":"deal","id":3},"current":{"id":3,"status":"lost"},
                 "previous":{"status":"open"},"retry":%d,"event":"updated.deal"}""";
        assertThat(of(body.formatted(0)).id()).isEqualTo(of(body.formatted(2)).id()).startsWith("v1-deal-3-updated-");
        assertThat(of(body.formatted(0)).id()).hasSizeLessThanOrEqualTo(100);
    }

    @Test
    void aV1EventNamedOnlyByItsEventField() throws Exception {
        PipedriveWebhookEvent event = of("""
                {"meta":{"id":11,"timestamp":1700000000},"current":{"id":11},"event":"updated.person"}""");
        assertThat(event.entity()).isEqualTo("person");
        assertThat(event.action()).isEqualTo("change");
        assertThat(event.entityId()).isEqualTo(11L);
    }
}
