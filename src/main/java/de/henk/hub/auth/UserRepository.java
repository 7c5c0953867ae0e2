package de.henk.hub.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

    private final JdbcClient db;

    public UserRepository(JdbcClient db) {
        this.db = db;
    }

    public void insert(UserAccount user) {
        db.sql("""
                insert into app_user (id, email, username, password_hash, roles, created_at, updated_at)
                values (:id, :email, :username, :hash, :roles, :created, :updated)""")
                .param("id", user.id()).param("email", user.email()).param("username", user.username())
                .param("hash", user.passwordHash()).param("roles", Role.toColumn(user.roles()))
                .param("created", user.createdAt()).param("updated", user.updatedAt())
                .update();
    }

    public Optional<UserAccount> findByEmail(String email) {
        return db.sql("select * from app_user where email = :email").param("email", email)
                .query(UserRepository::map).optional();
    }

    public Optional<UserAccount> findById(String id) {
        return db.sql("select * from app_user where id = :id").param("id", id).query(UserRepository::map).optional();
    }

    public void updateRoles(String id, Set<Role> roles, OffsetDateTime now) {
        db.sql("update app_user set roles = :roles, updated_at = :now where id = :id")
                .param("roles", Role.toColumn(roles)).param("now", now).param("id", id).update();
    }

    public void updatePassword(String id, String hash, OffsetDateTime now) {
        db.sql("update app_user set password_hash = :hash, updated_at = :now where id = :id")
                .param("hash", hash).param("now", now).param("id", id).update();
    }

    public List<UserAccount> search(String emailContains, long offset, int limit) {
        return db.sql("""
                select * from app_user where email like :q
                order by created_at, id offset :offset rows fetch next :limit rows only""")
                .param("q", like(emailContains)).param("offset", offset).param("limit", limit)
                .query(UserRepository::map).list();
    }

    public long count(String emailContains) {
        return db.sql("select count(*) from app_user where email like :q")
                .param("q", like(emailContains)).query(Long.class).single();
    }

    private static String like(String fragment) {
        if (fragment == null || fragment.isBlank()) {
            return "%";
        }
        String escaped = fragment.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    static UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getString("id"), rs.getString("email"), rs.getString("username"),
                rs.getString("password_hash"), Role.fromColumn(rs.getString("roles")),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
