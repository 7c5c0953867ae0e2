package de.henk.hub.auth;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Login sessions and their refresh tokens. A session is one refresh-token family: every refresh rotates the
 * token inside it; presenting a rotated token again revokes the whole session (it was stolen or replayed).
 */
@Repository
public class LoginSessions {

    private final JdbcClient db;

    public LoginSessions(JdbcClient db) {
        this.db = db;
    }

    public void open(String sessionId, String userId, OffsetDateTime now) {
        db.sql("insert into login_session (id, user_id, created_at) values (:id, :user, :now)")
                .param("id", sessionId).param("user", userId).param("now", now).update();
    }

    public void addRefreshToken(String tokenId, String sessionId, String tokenHash, OffsetDateTime now,
                                OffsetDateTime expiresAt) {
        db.sql("""
                insert into refresh_token (id, session_id, token_hash, created_at, expires_at)
                values (:id, :session, :hash, :now, :expires)""")
                .param("id", tokenId).param("session", sessionId).param("hash", tokenHash)
                .param("now", now).param("expires", expiresAt).update();
    }

    public Optional<StoredRefreshToken> findRefreshToken(String tokenHash) {
        return db.sql("""
                select t.id, t.session_id, t.expires_at, t.rotated_at, s.user_id, s.revoked_at
                from refresh_token t join login_session s on s.id = t.session_id
                where t.token_hash = :hash""")
                .param("hash", tokenHash)
                .query((rs, n) -> new StoredRefreshToken(rs.getString("id"), rs.getString("session_id"),
                        rs.getString("user_id"), rs.getObject("expires_at", OffsetDateTime.class),
                        rs.getObject("rotated_at", OffsetDateTime.class) != null,
                        rs.getObject("revoked_at", OffsetDateTime.class) != null))
                .optional();
    }

    /** Marks the token used; false when another request rotated it first (a replay). */
    public boolean rotate(String tokenId, OffsetDateTime now) {
        return db.sql("update refresh_token set rotated_at = :now where id = :id and rotated_at is null")
                .param("now", now).param("id", tokenId).update() == 1;
    }

    public void revoke(String sessionId, String why, OffsetDateTime now) {
        db.sql("update login_session set revoked_at = :now, revoked_why = :why where id = :id and revoked_at is null")
                .param("now", now).param("why", why).param("id", sessionId).update();
    }

    /** Ends every login session of the user (their access tokens stop working at once, refresh tokens too). */
    public int revokeAllOf(String userId, String why, OffsetDateTime now) {
        return db.sql("update login_session set revoked_at = :now, revoked_why = :why "
                        + "where user_id = :user and revoked_at is null")
                .param("now", now).param("why", why).param("user", userId).update();
    }

    public boolean isActive(String sessionId) {
        return db.sql("select count(*) from login_session where id = :id and revoked_at is null")
                .param("id", sessionId).query(Long.class).single() == 1;
    }

    public record StoredRefreshToken(String id, String sessionId, String userId, OffsetDateTime expiresAt,
                                     boolean rotated, boolean revoked) { }
}
