package de.henk.hub.chat;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Chat sessions and their messages. Session ids are 256-bit random: holding one is the right to continue it. */
@Repository
public class ChatSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient db;

    public ChatSessions(JdbcClient db) {
        this.db = db;
    }

    /**
     * A new session id: when it was opened (milliseconds since 1970, 12 hex digits) and then 32 random bytes
     * (base64url), 55 characters. The random part makes it as unguessable as a bearer secret must be; the time first
     * makes ids sort by age, so a new session's row and its messages' index entries land next to the other recent
     * sessions' instead of on a random page of each B-tree, and a commit rewrites fewer pages.
     */
    public static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String millis = Long.toHexString(System.currentTimeMillis());
        return "0".repeat(Math.max(0, 12 - millis.length())) + millis
                + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public void create(StoredSession session) {
        db.sql("""
                insert into chat_session (id, user_id, phase, profile, state, created_at, updated_at)
                values (:id, :user, :phase, :profile, :state, :created, :updated)""")
                .param("id", session.id()).param("user", session.userId()).param("phase", session.phase())
                .param("state", session.stateJson())
                .param("profile", session.profileJson()).param("created", session.createdAt())
                .param("updated", session.updatedAt()).update();
    }

    public Optional<StoredSession> find(String id) {
        return db.sql("select * from chat_session where id = :id").param("id", id)
                .query((rs, n) -> new StoredSession(rs.getString("id"), rs.getString("user_id"), rs.getString("phase"),
                        rs.getString("profile"), rs.getString("state"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("updated_at", OffsetDateTime.class)))
                .optional();
    }

    /** Gives an anonymous session to a user; false when it does not exist or already has an owner. */
    public boolean claim(String sessionId, String userId) {
        return db.sql("update chat_session set user_id = :user where id = :id and user_id is null")
                .param("user", userId).param("id", sessionId).update() == 1;
    }

    public void update(String id, String phase, String profileJson, String stateJson, OffsetDateTime now) {
        db.sql("update chat_session set phase = :phase, profile = :profile, state = :state, updated_at = :now where id = :id")
                .param("phase", phase).param("profile", profileJson).param("state", stateJson).param("now", now)
                .param("id", id).update();
    }

    /** The last {@code limit} messages of a session, oldest first — the conversation memory an LLM gets. */
    public List<StoredMessage> recentMessages(String sessionId, int limit) {
        List<StoredMessage> newestFirst = db.sql("select * from chat_message where session_id = :s order by id desc "
                        + "fetch first :n rows only").param("s", sessionId).param("n", limit)
                .query((rs, n) -> new StoredMessage(rs.getLong("id"), rs.getString("author"), rs.getString("content"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
        List<StoredMessage> oldestFirst = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** What the hub remembers of a signed-in customer across sessions, as profile JSON. */
    public Optional<String> customerProfile(String userId) {
        return db.sql("select profile from customer_profile where user_id = :u").param("u", userId)
                .query(String.class).optional();
    }

    public void rememberCustomer(String userId, String profileJson, OffsetDateTime now) {
        int updated = db.sql("update customer_profile set profile = :p, updated_at = :t where user_id = :u")
                .param("p", profileJson).param("t", now).param("u", userId).update();
        if (updated == 0) {
            try {
                db.sql("insert into customer_profile (user_id, profile, updated_at) values (:u, :p, :t)")
                        .param("u", userId).param("p", profileJson).param("t", now).update();
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                db.sql("update customer_profile set profile = :p, updated_at = :t where user_id = :u")
                        .param("p", profileJson).param("t", now).param("u", userId).update();
            }
        }
    }

    public void addMessage(String sessionId, String author, String content, OffsetDateTime at) {
        db.sql("insert into chat_message (session_id, author, content, created_at) values (:s, :a, :c, :t)")
                .param("s", sessionId).param("a", author).param("c", content).param("t", at).update();
    }

    /** The customer's message and HENK's reply to it, in this order, in one statement (a turn's two messages). */
    public void addTurn(String sessionId, String message, OffsetDateTime receivedAt, String reply, OffsetDateTime answeredAt) {
        db.sql("""
                insert into chat_message (session_id, author, content, created_at)
                values (:s, 'customer', :message, :received), (:s, 'henk', :reply, :answered)""")
                .param("s", sessionId).param("message", message).param("received", receivedAt)
                .param("reply", reply).param("answered", answeredAt).update();
    }

    public List<StoredMessage> messages(String sessionId) {
        return db.sql("select * from chat_message where session_id = :s order by id").param("s", sessionId)
                .query((rs, n) -> new StoredMessage(rs.getLong("id"), rs.getString("author"), rs.getString("content"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    public List<SessionSummary> ofUser(String userId, long offset, int limit) {
        return db.sql("""
                select s.id, s.phase, s.created_at, s.updated_at,
                       (select count(*) from chat_message m where m.session_id = s.id) as message_count,
                       (select m.content from chat_message m where m.session_id = s.id
                         order by m.id desc fetch first 1 rows only) as last_message
                from chat_session s where s.user_id = :user
                order by s.updated_at desc, s.id offset :offset rows fetch next :limit rows only""")
                .param("user", userId).param("offset", offset).param("limit", limit)
                .query((rs, n) -> new SessionSummary(rs.getString("id"), rs.getString("phase").toLowerCase(),
                        rs.getLong("message_count"), preview(rs.getString("last_message")),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class)))
                .list();
    }

    public long countOfUser(String userId) {
        return db.sql("select count(*) from chat_session where user_id = :user").param("user", userId)
                .query(Long.class).single();
    }

    private static String preview(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    public record StoredSession(String id, String userId, String phase, String profileJson, String stateJson,
                                OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        /** A session without dialogue state yet (it is derived as "nothing asked, nothing proposed"). */
        public StoredSession(String id, String userId, String phase, String profileJson, OffsetDateTime createdAt,
                             OffsetDateTime updatedAt) {
            this(id, userId, phase, profileJson, null, createdAt, updatedAt);
        }
    }

    public record StoredMessage(long id, String author, String content, OffsetDateTime createdAt) { }

    public record SessionSummary(String sessionId, String phase, long messageCount, String lastMessage,
                                 OffsetDateTime createdAt, OffsetDateTime updatedAt) { }
}
