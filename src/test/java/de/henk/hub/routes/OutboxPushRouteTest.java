package de.henk.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import de.henk.hub.auth.Caller;
import de.henk.hub.auth.Role;
import de.henk.hub.crm.CrmOutbox;
import de.henk.hub.crm.Deal;
import de.henk.hub.crm.LeadIntake;
import de.henk.hub.crm.LeadRequest;
import de.henk.hub.crm.OutboxEntry;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outbox push (routes/crm-outbox.camel.yaml, {@code crm-outbox-push}): one claimed entry goes to the Pipedrive
 * route of its operation, and its outcome is recorded — done when Pipedrive took it, rescheduled with back-off when
 * the call failed, dead when Pipedrive will never take it. The Pipedrive routes are mocks here
 * ({@code mockEndpointsAndSkip("direct:pipedrive-*")}) that answer or throw as each test says.
 */
class OutboxPushRouteTest extends RouteTest {

    private static final List<String> PIPEDRIVE_ROUTES = List.of("pipedrive-create-lead", "pipedrive-update-deal",
            "pipedrive-create-activity", "pipedrive-cancel-activity", "pipedrive-update-person", "pipedrive-create-note");

    @Autowired
    LeadIntake leads;

    @Autowired
    CrmOutbox outbox;

    @Override
    protected void advise() throws Exception {
        advise("crm-outbox-push", route -> route.mockEndpointsAndSkip("direct:pipedrive-*"));
    }

    @Test
    void anEntryPipedriveTookIsMarkedDone() throws Exception {
        long dealId = lead();
        OutboxEntry entry = outbox.claimNextForDeal(dealId);
        MockEndpoint createLead = pipedrive("pipedrive-create-lead");
        createLead.expectedBodiesReceived(entry);

        Exchange pushed = push(entry);

        createLead.assertIsSatisfied();
        assertThat(createLead.getReceivedExchanges().get(0).getVariable("deal", Deal.class).id())
                .as("the deal is loaded before Pipedrive is called").isEqualTo(dealId);
        assertThat(pushed.getException()).isNull();
        assertThat(row(entry)).containsEntry("status", "done").containsEntry("attempts", 1)
                .containsEntry("claimed_by", null);
        assertThat(syncStatus(dealId)).isEqualTo("synced");
    }

    @Test
    void aFailedCallIsRescheduledAndTheFailureDoesNotEscape() throws Exception {
        long dealId = lead();
        OutboxEntry entry = outbox.claimNextForDeal(dealId);
        pipedrive("pipedrive-create-lead").whenAnyExchangeReceived(exchange -> {
            throw new HttpOperationFailedException("https://pipedrive.test/api/v2/deals", 503, "Service Unavailable",
                    null, Map.of(), "{\"success\":false}");
        });
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC);

        Exchange pushed = push(entry);

        assertThat(pushed.getException()).as("the push records the failure instead of throwing").isNull();
        Map<String, Object> row = row(entry);
        assertThat(row).containsEntry("status", "pending").containsEntry("attempts", 1).containsEntry("claimed_by", null);
        assertThat((String) row.get("last_error")).startsWith("HTTP 503");
        assertThat(((OffsetDateTime) row.get("next_attempt_at"))).as("retried later, with back-off").isAfter(before);
        assertThat(syncStatus(dealId)).isEqualTo("pending");
    }

    @Test
    void aRequestPipedriveWillNeverAcceptIsDeadAndVisible() throws Exception {
        long dealId = lead();
        OutboxEntry entry = outbox.claimNextForDeal(dealId);
        pipedrive("pipedrive-create-lead").whenAnyExchangeReceived(exchange -> {
            throw new HttpOperationFailedException("https://pipedrive.test/api/v2/deals", 422, "Unprocessable Entity",
                    null, Map.of(), "{\"success\":false,\"error\":\"title is required\"}");
        });

        push(entry);

        assertThat(row(entry)).containsEntry("status", "dead").containsEntry("attempts", 1);
        assertThat(syncStatus(dealId)).isEqualTo("failed");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"create_deal", "update_deal", "create_activity", "cancel_activity", "update_person",
            "create_note"})
    void eachOperationGoesToItsOwnPipedriveRoute(String operation) throws Exception {
        long dealId = lead();
        OutboxEntry entry = new OutboxEntry(outbox.enqueue(dealId, operation, "{}", OffsetDateTime.now(ZoneOffset.UTC)),
                dealId, operation, "{}", 0);
        String expected = PIPEDRIVE_ROUTES.get(List.of("create_deal", "update_deal", "create_activity",
                "cancel_activity", "update_person", "create_note").indexOf(operation));
        for (String route : PIPEDRIVE_ROUTES) {
            pipedrive(route).expectedMessageCount(route.equals(expected) ? 1 : 0);
        }

        push(entry);

        MockEndpoint.assertIsSatisfied(camel);
        assertThat(row(entry)).containsEntry("status", "done");
    }

    @Test
    void anUnknownOperationIsAFailureOfThatEntryOnly() throws Exception {
        long dealId = lead();
        OutboxEntry entry = new OutboxEntry(outbox.enqueue(dealId, "send_fax", "{}", OffsetDateTime.now(ZoneOffset.UTC)),
                dealId, "send_fax", "{}", 0);
        for (String route : PIPEDRIVE_ROUTES) {
            pipedrive(route).expectedMessageCount(0);
        }

        Exchange pushed = push(entry);

        assertThat(pushed.getException()).isNull();
        MockEndpoint.assertIsSatisfied(camel);
        assertThat(row(entry)).containsEntry("status", "pending").containsEntry("attempts", 1);
        assertThat((String) row(entry).get("last_error")).contains("Unknown outbox operation send_fax");
    }

    /** A lead the sales team entered: its deal and its create_deal entry, due now. */
    private long lead() {
        Caller sales = account(uniqueEmail("sales"), Role.BETA);
        return leads.accept(new LeadRequest("Max Muster", uniqueEmail("outbox"), null, "Maßanzug",
                new BigDecimal("1800"), null), sales, null).dealId();
    }

    private Exchange push(OutboxEntry entry) {
        return template.send("direct:crm-outbox-push", exchange -> exchange.getMessage().setBody(entry));
    }

    private MockEndpoint pipedrive(String route) {
        return mock("mock:direct:" + route);
    }

    private Map<String, Object> row(OutboxEntry entry) {
        Map<String, Object> row = new java.util.HashMap<>(db.sql("""
                select status, attempts, claimed_by, last_error, next_attempt_at from crm_outbox where id = :id""")
                .param("id", entry.id()).query().singleRow());
        row.put("next_attempt_at", db.sql("select next_attempt_at from crm_outbox where id = :id")
                .param("id", entry.id()).query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).single());
        return row;
    }

    private String syncStatus(long dealId) {
        return db.sql("select sync_status from crm_deal where id = :id").param("id", dealId).query(String.class)
                .single();
    }
}
