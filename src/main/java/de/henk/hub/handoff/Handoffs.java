package de.henk.hub.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.web.SingleLine;
import de.henk.hub.auth.Caller;
import de.henk.hub.auth.Role;
import de.henk.hub.events.DomainEvents;
import de.henk.hub.system.Timestamps;
import de.henk.hub.web.ApiException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Human handoff: a customer asks for a person (explicitly or in the chat), the team is told, a staff member
 * answers inside the same session, and HENK stays quiet from that first answer until the session is released. Until a
 * staff member has answered, HENK keeps answering — briefly, without selling — so that contact details the customer
 * leaves meanwhile reach the team.
 */
@Service("handoffs")
public class Handoffs {

    private final JdbcClient db;
    private final DomainEvents events;
    private final Clock clock;

    private final ObjectMapper json;

    public Handoffs(JdbcClient db, DomainEvents events, Clock clock, ObjectMapper json) {
        this.db = db;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /** Whether a chat message asks for a person (German or English): see {@link PersonRequest}. */
    public boolean asksForPerson(String message) {
        return PersonRequest.in(message);
    }

    /**
     * Where the session stands with the team: {@link Wait#TAKEN} once a staff member has answered in it (HENK stays
     * quiet), {@link Wait#WAITING} while the customer's request is open and nobody has taken it yet (HENK keeps
     * answering, briefly, so that contact details still reach the team), {@link Wait#NONE} otherwise.
     */
    public Wait waitFor(String sessionId) {
        if (sessionId == null) {
            return Wait.NONE;
        }
        return db.sql("select status from handoff where session_id = :s and status in ('open', 'active') "
                        + "order by id desc fetch first 1 rows only")
                .param("s", sessionId).query(String.class).optional()
                .map(status -> "active".equals(status) ? Wait.TAKEN : Wait.WAITING).orElse(Wait.NONE);
    }

    /** Whether a person owns the session right now: a staff member has answered in it (HENK stays quiet). */
    public boolean personOwns(String sessionId) {
        return waitFor(sessionId) == Wait.TAKEN;
    }

    /** A session and the team: nobody asked, asked and waiting, taken by a staff member. */
    public enum Wait { NONE, WAITING, TAKEN }

    /** The customer (owner of the session) asks for a person; a second request while one is open changes nothing. */
    @Transactional
    public HandoffView request(String sessionId, String reason, Caller caller) {
        // an anonymous session: whoever holds its id; an owned one: its owner (or the sales team)
        Session session = session(sessionId)
                .filter(s -> s.userId() == null || s.userId().equals(caller.userId()) || caller.has(Role.BETA))
                .orElseThrow(Handoffs::sessionNotFound);
        Optional<HandoffView> open = current(sessionId);
        if (open.isPresent()) {
            return open.get();
        }
        OffsetDateTime now = Timestamps.now(clock);
        db.sql("insert into handoff (session_id, status, reason, requested_at) values (:s, 'open', :r, :now)")
                .param("s", sessionId).param("r", reason == null ? null : reason.strip(), java.sql.Types.VARCHAR)
                .param("now", now).update();
        HandoffView created = current(sessionId).orElseThrow();
        events.record("handoff.requested", "session/" + sessionId, DomainEvents.data("handoff_id", created.id(),
                "session_id", sessionId, "name", session.name(), "email", session.email(),
                "user_id", session.userId(), "message", reason));
        return created;
    }

    /** Open and active handoffs, oldest first — the sales team's queue. */
    public List<HandoffView> queue() {
        return db.sql("""
                select h.*, u.email, u.username, s.profile from handoff h join chat_session s on s.id = h.session_id
                left join app_user u on u.id = s.user_id
                where h.status in ('open', 'active') order by h.requested_at, h.id""")
                .query((rs, n) -> view(rs)).list();
    }

    public HandoffQueue queueView() {
        return new HandoffQueue(queue());
    }

    /** A staff member answers in the session; the first answer takes the handoff (status active). */
    @Transactional
    public MessageView staffMessage(String sessionId, StaffMessage message, Caller staff) {
        session(sessionId).orElseThrow(Handoffs::sessionNotFound);
        OffsetDateTime now = Timestamps.now(clock);
        Optional<HandoffView> current = current(sessionId);
        if (current.isEmpty()) {
            // staff may join any session; that is a handoff too
            db.sql("insert into handoff (session_id, status, requested_at) values (:s, 'open', :now)")
                    .param("s", sessionId).param("now", now).update();
            current = current(sessionId);
        }
        db.sql("""
                update handoff set status = 'active', staff_user_id = coalesce(staff_user_id, :staff),
                  first_reply_at = coalesce(first_reply_at, :now) where id = :id""")
                .param("staff", staff.userId()).param("now", now).param("id", current.get().id()).update();
        db.sql("insert into chat_message (session_id, author, content, created_at) values (:s, 'staff', :c, :now)")
                .param("s", sessionId).param("c", message.content().strip()).param("now", now).update();
        db.sql("update chat_session set updated_at = :now where id = :s").param("now", now).param("s", sessionId).update();
        return new MessageView(sessionId, "staff", message.content().strip(), now);
    }

    /** The person hands the session back to HENK. */
    @Transactional
    public HandoffView release(String sessionId) {
        HandoffView current = current(sessionId)
                .orElseThrow(() -> ApiException.conflict("no_handoff", "Nobody owns this session"));
        db.sql("update handoff set status = 'released', released_at = :now where id = :id")
                .param("now", Timestamps.now(clock)).param("id", current.id()).update();
        return db.sql("""
                select h.*, u.email, u.username, s.profile from handoff h join chat_session s on s.id = h.session_id
                left join app_user u on u.id = s.user_id where h.id = :id""")
                .param("id", current.id()).query((rs, n) -> view(rs)).single();
    }

    private Optional<HandoffView> current(String sessionId) {
        return db.sql("""
                select h.*, u.email, u.username, s.profile from handoff h join chat_session s on s.id = h.session_id
                left join app_user u on u.id = s.user_id
                where h.session_id = :s and h.status in ('open', 'active') order by h.id desc fetch first 1 rows only""")
                .param("s", sessionId).query((rs, n) -> view(rs)).optional();
    }

    private Optional<Session> session(String id) {
        return db.sql("""
                select s.id, s.user_id, u.email, u.username, s.profile from chat_session s
                left join app_user u on u.id = s.user_id where s.id = :id""")
                .param("id", id)
                .query((rs, n) -> {
                    Contact contact = contact(rs);
                    return new Session(rs.getString("id"), rs.getString("user_id"), contact.email(),
                            contact.name() == null ? "Ein anonymer Besucher" : contact.name());
                })
                .optional();
    }

    private HandoffView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        Contact contact = contact(rs);
        return new HandoffView(rs.getLong("id"), rs.getString("session_id"), rs.getString("status"),
                rs.getString("reason"), contact.name(), contact.email(),
                rs.getObject("requested_at", OffsetDateTime.class), rs.getString("staff_user_id"),
                rs.getObject("first_reply_at", OffsetDateTime.class), rs.getObject("released_at", OffsetDateTime.class));
    }

    /**
     * Who the customer is: the account's name and email, or — for a visitor who chats without an account — what they
     * told HENK in the chat (the conversation's profile), so that the team knows whom it is answering.
     */
    private Contact contact(java.sql.ResultSet rs) throws java.sql.SQLException {
        String name = rs.getString("username");
        String email = rs.getString("email");
        if (name != null && email != null) {
            return new Contact(name, email);
        }
        JsonNode profile = profile(rs.getString("profile"));
        return new Contact(name != null ? name : text(profile, "name"), email != null ? email : text(profile, "email"));
    }

    private JsonNode profile(String profileJson) {
        if (profileJson == null || profileJson.isBlank()) {
            return json.missingNode();
        }
        try {
            return json.readTree(profileJson);
        } catch (com.fasterxml.jackson.core.JacksonException unreadable) {
            return json.missingNode(); // the team still sees the session; only the name is missing
        }
    }

    private static String text(JsonNode profile, String field) {
        JsonNode value = profile.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private record Contact(String name, String email) { }

    private static ApiException sessionNotFound() {
        return ApiException.notFound("session_not_found", "No chat session with this id");
    }

    private record Session(String id, String userId, String email, String name) { }

    public record HandoffRequest(@Size(max = 2000) @SingleLine String reason) { }

    public record StaffMessage(@NotBlank @Size(max = 4000) String content) { }

    public record HandoffView(long id, String sessionId, String status, String reason, String customerName,
                              String customerEmail, OffsetDateTime requestedAt, String staffUserId,
                              OffsetDateTime firstReplyAt, OffsetDateTime releasedAt) { }

    public record HandoffQueue(List<HandoffView> handoffs) { }

    public record MessageView(String sessionId, String author, String content, OffsetDateTime createdAt) { }
}
