package de.henk.hub.chat;

import static org.assertj.core.api.Assertions.assertThat;

import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import de.henk.hub.support.SecondHub;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The chat turn is a Camel flow (routes/chat.camel.yaml): a lead it qualifies enters the CRM through the very route
 * {@code POST /api/crm/lead} uses, and an integration engineer extends the flow with a YAML file alone.
 */
class ChatFlowTest extends HubTest {

    @Autowired
    CamelContext camel;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient db;

    /**
     * Each answered turn sends one henk.chat.turn to the event channel (the tests' Kafka topic) once the turn is
     * stored, keyed by the session, without personal data — and not through the event outbox.
     */
    @Test
    void everyAnsweredTurnSendsOneChatTurnEventWithoutPersonalData() throws Exception {
        String email = uniqueEmail("event");
        Api.Response first = api.post("/api/chat", Map.of("message", "Ich suche einen Anzug für eine Hochzeit"), null);
        String session = first.text("session_id");
        api.post("/api/chat", Map.of("message", "Erreichbar bin ich unter " + email, "session_id", session), null);
        String subject = "chat/" + session;

        java.util.List<String> events = new java.util.ArrayList<>();
        java.util.Properties consumer = new java.util.Properties();
        consumer.put("bootstrap.servers", de.henk.hub.support.SharedKafka.brokers());
        consumer.put("group.id", "test-chat-turns-" + java.util.UUID.randomUUID());
        consumer.put("auto.offset.reset", "earliest");
        consumer.put("key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        consumer.put("value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        try (var reader = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(consumer)) {
            reader.subscribe(java.util.List.of(de.henk.hub.support.SharedKafka.TOPIC));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline && events.size() < 2) {
                for (var record : reader.poll(java.time.Duration.ofMillis(500))) {
                    if (record.value().contains("\"subject\":\"" + subject + "\"")
                            && record.value().contains("\"type\":\"henk.chat.turn\"")) {
                        assertThat(record.key()).as("partition key = the session").isEqualTo(subject);
                        events.add(record.value());
                    }
                }
            }
        }
        assertThat(events).hasSize(2);
        events.sort(java.util.Comparator.comparing(e -> e.contains("\"turn\":1") ? 0 : 1));
        assertThat(events.get(0)).contains("\"turn\":1").contains("\"session_id\":\"" + session + "\"")
                .contains("\"specversion\":\"1.0\"").contains("\"phase\":");
        assertThat(events.get(1)).contains("\"turn\":2").doesNotContain(email).doesNotContain("Erreichbar")
                .doesNotContain("Hochzeit");
        long messages = db.sql("select count(*) from chat_message where session_id = :s").param("s", session)
                .query(Long.class).single();
        assertThat(messages).isEqualTo(4);
        long outboxRows = db.sql("select count(*) from event_outbox where type = 'henk.chat.turn' and subject = :s")
                .param("s", subject).query(Long.class).single();
        assertThat(outboxRows).isZero();
    }

    @Test
    void aChatLeadAndAnApiLeadGoThroughTheSameCrmRoute() throws Exception {
        ManagedRouteMBean accept = managedRoute(camel, "crm-accept-lead");
        long before = accept.getExchangesTotal();
        long failedBefore = accept.getExchangesFailed(); // other tests' rejected leads fail in this route too

        Account customer = register(uniqueEmail("api-lead"));
        Api.Response posted = api.post("/api/crm/lead",
                leadBody("Erika Muster", customer.email(), "Maßanzug", 1800), customer.accessToken());
        assertThat(posted.status()).as(posted.toString()).isIn(201, 202);
        assertThat(accept.getExchangesTotal()).isEqualTo(before + 1);

        long dealId = qualifiedConversation(api, uniqueEmail("chat-lead"));
        assertThat(dealId).isPositive();
        assertThat(accept.getExchangesTotal()).isEqualTo(before + 2);
        assertThat(accept.getExchangesFailed()).isEqualTo(failedBefore);
        assertThat(managedRoute(camel, "chat-lead-qualified").getExchangesTotal()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRouteFileAddedAtStartUpInterceptsTheQualifiedLead() throws Exception {
        String routes = "file:" + Path.of("routes").toAbsolutePath() + "/*.camel.yaml,file:"
                + Path.of("src/test/resources/route-extensions").toAbsolutePath() + "/*.camel.yaml";
        try (SecondHub hub = SecondHub.start(Map.of("camel.main.routes-include-pattern", routes))) {
            CamelContext context = hub.context().getBean(CamelContext.class);
            String email = uniqueEmail("intercepted");
            long dealId = qualifiedConversation(hub.api(), email);
            try (ConsumerTemplate recorded = context.createConsumerTemplate()) {
                ConversationLead lead = recorded.receiveBody("seda:qualified-leads-recorded", 10_000,
                        ConversationLead.class);
                assertThat(lead).as("the extension recorded the qualified lead").isNotNull();
                assertThat(lead.email()).isEqualTo(email);
                assertThat(lead.dealTitle()).startsWith("Hochzeits-Anzug Juni");
            }
            // intercepted, not diverted: the CRM route still stored it
            assertThat(dealId).isPositive();
            assertThat(managedRoute(context, "crm-accept-lead").getExchangesTotal()).isEqualTo(1);
        }
    }

    @Test
    void withoutTheExtensionNothingIsRecorded() throws Exception {
        qualifiedConversation(api, uniqueEmail("not-intercepted"));
        try (ConsumerTemplate recorded = camel.createConsumerTemplate()) {
            assertThat(recorded.receiveBody("seda:qualified-leads-recorded", 500)).isNull();
        }
    }

    /** Two turns that qualify a wedding-suit lead with an email; the deal id from the response. */
    private static long qualifiedConversation(Api api, String email) {
        Api.Response first = chat(api, "Hochzeit im Juni, Budget 2500 Euro, klassisch marineblau", null);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        Api.Response second = chat(api, "Ich möchte einen Termin zum Maßnehmen, Max Muster, " + email,
                first.text("session_id"));
        assertThat(second.json().path("lead").path("status").asText()).as(second.toString()).isEqualTo("created");
        return second.json().path("lead").path("deal_id").asLong();
    }

    private static Api.Response chat(Api api, String message, String sessionId) {
        Map<String, Object> body = new HashMap<>();
        body.put("message", message);
        if (sessionId != null) {
            body.put("session_id", sessionId);
        }
        return api.post("/api/chat", body, "");
    }

    private static ManagedRouteMBean managedRoute(CamelContext context, String routeId) {
        ManagedRouteMBean route = context.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class)
                .getManagedRoute(routeId);
        assertThat(route).as("managed route " + routeId).isNotNull();
        return route;
    }
}
