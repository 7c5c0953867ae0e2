package de.henk.hub.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.auth.Caller;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The chat conversations a deal came from, for the sales team's deal details. The link is the session's dialogue
 * state ({@code lead_deal_id}, written when the conversation's lead became this deal); a lead the team entered by
 * hand has none. Read-only: the messages themselves come from {@code GET /api/chat/sessions/{id}}.
 */
@Service("dealConversations")
public class DealConversations {

    private final JdbcClient db;
    private final DealDesk deals;
    private final ObjectMapper json;

    public DealConversations(JdbcClient db, DealDesk deals, ObjectMapper json) {
        this.db = db;
        this.deals = deals;
        this.json = json;
    }

    public DealSessions sessions(String dealId, Caller caller) {
        long id = deals.get(dealId, caller).id();
        // the state is JSON text on H2 and PostgreSQL alike: a LIKE narrows it down, the parsed state decides
        List<DealSession> sessions = db.sql("""
                        select id, phase, state, created_at, updated_at from chat_session
                        where state like :pattern order by created_at, id""")
                .param("pattern", "%\"lead_deal_id\":" + id + "%")
                .query((rs, n) -> new Row(new DealSession(rs.getString("id"), rs.getString("phase").toLowerCase(java.util.Locale.ROOT),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class)),
                        rs.getString("state")))
                .list().stream().filter(row -> leadDeal(row.state()) == id).map(Row::session).toList();
        return new DealSessions(id, sessions);
    }

    private long leadDeal(String state) {
        try {
            JsonNode node = json.readTree(state).path("lead_deal_id");
            return node.canConvertToLong() ? node.asLong() : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private record Row(DealSession session, String state) { }

    public record DealSession(String sessionId, String phase, OffsetDateTime createdAt, OffsetDateTime updatedAt) { }

    public record DealSessions(long dealId, List<DealSession> sessions) { }
}
