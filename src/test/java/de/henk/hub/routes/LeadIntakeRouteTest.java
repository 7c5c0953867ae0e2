package de.henk.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.auth.Caller;
import de.henk.hub.auth.Role;
import de.henk.hub.chat.ConversationLead;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * The lead intake (routes/crm.camel.yaml): {@code crm-create-lead} (POST /api/crm/lead) reads and validates the request, then
 * {@code crm-accept-lead} stores lead, deal and outbox entry together and only then tries Pipedrive
 * ({@code sync-lead-now}, here a mock that looks into the database at the moment the sync would start).
 */
class LeadIntakeRouteTest extends RouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the database held for the exchange's deal when the sync step was reached. */
    private final List<Map<String, Object>> atSync = new CopyOnWriteArrayList<>();

    @Override
    protected void advise() throws Exception {
        advise("crm-create-lead", route -> {
            // POST /api/crm/lead without HTTP (the REST verb and its route are one, inline); the route's access level
            // (access-customer) still identifies and checks the caller the test sends (sentBy)
            route.replaceFromWith("direct:post-lead");
        });
        advise("crm-accept-lead", route -> route.weaveById("sync-lead-now").replace().to("mock:sync-lead-now"));
    }

    @Test
    void aLeadIsStoredWithItsOutboxEntryBeforeItsSyncIsTried() throws Exception {
        String email = uniqueEmail("lead-intake");
        Caller customer = account(email, Role.CUSTOMER);
        MockEndpoint sync = syncRecordingTheDatabase();
        sync.expectedMessageCount(1);

        Exchange answered = post(customer, """
                {"name": "Erika Muster", "email": "%s", "deal_title": "Maßanzug", "deal_value": 1800}""".formatted(email));

        sync.assertIsSatisfied();
        assertThat(answered.getException()).isNull();
        // no Pipedrive token here: the lead waits in the outbox, 202
        assertThat(answered.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(202);
        JsonNode response = JSON.readTree(answered.getMessage().getBody(String.class));
        assertThat(response.path("status").asText()).isEqualTo("pending");
        long dealId = response.path("deal").path("id").asLong();
        assertThat(dealId).isPositive();

        Exchange syncing = sync.getReceivedExchanges().get(0);
        assertThat(syncing.getVariable("dealId", Long.class)).as("the deal the sync is asked for").isEqualTo(dealId);
        assertThat(atSync).singleElement().satisfies(state -> {
            assertThat(state).containsEntry("email", email).containsEntry("sync_status", "pending");
            assertThat(state.get("outbox")).as("outbox entries when the sync starts").isEqualTo(List.of("create_deal"));
        });
    }

    @Test
    void anInvalidLeadIsRefusedBeforeAnythingIsStoredOrSynced() throws Exception {
        String email = uniqueEmail("lead-invalid");
        Caller customer = account(email, Role.CUSTOMER);
        MockEndpoint sync = mock("mock:sync-lead-now");
        sync.expectedMessageCount(0);

        Exchange answered = post(customer, """
                {"name": "Erika Muster", "email": "%s", "deal_value": 1800}""".formatted(email));

        assertThat(answered.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(400);
        assertThat(JSON.readTree(answered.getMessage().getBody(String.class)).path("code").asText())
                .isEqualTo("validation_failed");
        sync.assertIsSatisfied();
        assertThat(db.sql("select count(*) from crm_lead where email = :e").param("e", email).query(Long.class)
                .single()).isZero();
    }

    @Test
    void anAnonymousCallerIsRefusedByTheRouteItselfBeforeTheBodyIsRead() throws Exception {
        // no Spring Security in front here: only the route's own access level (access-customer) stands
        MockEndpoint sync = mock("mock:sync-lead-now");
        sync.expectedMessageCount(0);
        long leadsBefore = db.sql("select count(*) from crm_lead").query(Long.class).single();

        // a body that reading would refuse with 400: the 401 shows the check ran first
        Exchange answered = post(Caller.anonymous("203.0.113.9"), "{not even json");

        assertThat(answered.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(401);
        assertThat(JSON.readTree(answered.getMessage().getBody(String.class)).path("code").asText())
                .isEqualTo("authentication_required");
        sync.assertIsSatisfied();
        assertThat(db.sql("select count(*) from crm_lead").query(Long.class).single()).isEqualTo(leadsBefore);
    }

    @Test
    void aLeadTheChatQualifiedTakesTheSameWayInWithItsConversationNote() throws Exception {
        String email = uniqueEmail("lead-from-chat");
        MockEndpoint sync = syncRecordingTheDatabase();
        sync.expectedMessageCount(1);
        ConversationLead lead = new ConversationLead(null, null, "route-test:" + email, "Max Muster", email, null,
                "Hochzeits-Anzug Juni", new BigDecimal("2500"), LocalDate.now().plusMonths(3),
                "Anlass: Hochzeit; Farbe: marineblau");

        Exchange accepted = template.send("direct:crm-accept-lead", exchange -> exchange.getMessage().setBody(lead));

        assertThat(accepted.getException()).isNull();
        sync.assertIsSatisfied();
        assertThat(atSync).singleElement().satisfies(state -> {
            assertThat(state).containsEntry("email", email).containsEntry("source", "chat");
            // the note for the sales team goes out after the deal it belongs to
            assertThat(state.get("outbox")).isEqualTo(List.of("create_deal", "create_note"));
        });
        assertThat(accepted.getVariable("acceptedLead", de.henk.hub.crm.LeadIntake.AcceptedLead.class).dealId())
                .isEqualTo(accepted.getVariable("dealId", Long.class));
    }

    private Exchange post(Caller caller, String json) {
        return template.send("direct:post-lead", exchange -> {
            sentBy(caller, exchange);
            exchange.getMessage().setBody(json);
        });
    }

    private MockEndpoint syncRecordingTheDatabase() {
        atSync.clear();
        MockEndpoint sync = mock("mock:sync-lead-now");
        sync.whenAnyExchangeReceived(exchange -> {
            Long dealId = exchange.getVariable("dealId", Long.class);
            Map<String, Object> state = new java.util.HashMap<>(db.sql("""
                    select d.email, d.sync_status, l.source from crm_deal d join crm_lead l on l.id = d.lead_id
                    where d.id = :id""").param("id", dealId).query().singleRow());
            state.put("outbox", db.sql("select operation from crm_outbox where deal_id = :id and status = 'pending' order by id")
                    .param("id", dealId).query(String.class).list());
            atSync.add(state);
        });
        return sync;
    }
}
