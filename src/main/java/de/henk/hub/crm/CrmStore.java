package de.henk.hub.crm;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import de.henk.hub.system.Timestamps;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Leads and the hub's deal mirror. */
@Repository("crmStore")
public class CrmStore {

    private final JdbcClient db;
    private final Clock clock;

    public CrmStore(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public long insertLead(String userId, String sessionId, String source, String name, String email, String phone,
                           String idempotencyKey, OffsetDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                insert into crm_lead (user_id, session_id, source, name, email, phone, idempotency_key, created_at)
                values (:user, :session, :source, :name, :email, :phone, :key, :now)""")
                .param("user", userId).param("session", sessionId).param("source", source).param("name", name)
                .param("email", email).param("phone", phone).param("key", idempotencyKey).param("now", now)
                .update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<Long> dealIdForIdempotencyKey(String idempotencyKey) {
        return db.sql("""
                select coalesce(l.joined_deal_id, d.id) from crm_lead l left join crm_deal d on d.lead_id = l.id
                where l.idempotency_key = :key""")
                .param("key", idempotencyKey).query(Long.class).optional();
    }

    /** The deal an Idempotency-Key answered with, and the fingerprint of the request that used it (null before V21). */
    public Optional<KeyedRequest> requestForIdempotencyKey(String idempotencyKey) {
        return db.sql("""
                select coalesce(l.joined_deal_id, d.id) as deal_id, l.idempotency_fingerprint,
                       l.joined_deal_id is not null as joined
                from crm_lead l left join crm_deal d on d.lead_id = l.id
                where l.idempotency_key = :key""")
                .param("key", idempotencyKey)
                .query((rs, n) -> new KeyedRequest(rs.getLong("deal_id"), rs.getString("idempotency_fingerprint"),
                        rs.getBoolean("joined")))
                .optional();
    }

    /** Remembers which request a lead's Idempotency-Key stands for (nothing when there is no fingerprint). */
    public void rememberRequest(long leadId, String fingerprint) {
        if (fingerprint != null) {
            db.sql("update crm_lead set idempotency_fingerprint = :f where id = :id").param("f", fingerprint)
                    .param("id", leadId).update();
        }
    }

    /** {@code joined}: the keyed request became a note on an open deal (its first answer said {@code joined}). */
    public record KeyedRequest(long dealId, String fingerprint, boolean joined) { }

    /** A further request of a customer that joined their open deal {@code dealId}. */
    public long insertJoinedLead(long dealId, String userId, String sessionId, String source, String name,
                                 String email, String phone, String idempotencyKey, OffsetDateTime now) {
        long leadId = insertLead(userId, sessionId, source, name, email, phone, idempotencyKey, now);
        db.sql("update crm_lead set joined_deal_id = :deal where id = :id").param("deal", dealId).param("id", leadId)
                .update();
        return leadId;
    }

    /** The customer's newest open deal: theirs by account, or by the email (or, without one, the phone) they gave. */
    public Optional<Long> openDealOf(String userId, String email, String phone) {
        return db.sql("""
                select id from crm_deal
                where status = 'open' and (user_id = :user or email = :email or (email is null and phone = :phone))
                order by created_at desc, id desc fetch first 1 rows only""")
                .param("user", userId).param("email", email).param("phone", phone).query(Long.class).optional();
    }

    /** The customer's newest deal, whatever its status. */
    public Optional<Long> newestDealOf(String userId, String email, String phone) {
        return db.sql("""
                select id from crm_deal
                where user_id = :user or email = :email or (email is null and phone = :phone)
                order by created_at desc, id desc fetch first 1 rows only""")
                .param("user", userId).param("email", email).param("phone", phone).query(Long.class).optional();
    }

    /** When the customer's lead requests (new or joined) since {@code since} were made, oldest first. */
    public List<OffsetDateTime> leadRequestsSince(String userId, String email, String phone, OffsetDateTime since) {
        return db.sql("""
                select created_at from crm_lead
                where created_at > :since and (user_id = :user or email = :email or (email is null and phone = :phone))
                order by created_at""")
                .param("since", since).param("user", userId).param("email", email).param("phone", phone)
                .query(OffsetDateTime.class).list();
    }

    /** When the customer's deals opened since {@code since} were created, oldest first. */
    public List<OffsetDateTime> dealsOpenedSince(String userId, String email, String phone, OffsetDateTime since) {
        return db.sql("""
                select created_at from crm_deal
                where created_at > :since and (user_id = :user or email = :email or (email is null and phone = :phone))
                order by created_at""")
                .param("since", since).param("user", userId).param("email", email).param("phone", phone)
                .query(OffsetDateTime.class).list();
    }

    /** Serialises one customer's lead requests (two at once would both find no open deal and open two). */
    public void lockCustomer(String userId) {
        if (userId != null) {
            db.sql("select id from app_user where id = :id for update").param("id", userId).query(String.class).list();
        }
    }

    public long insertDeal(long leadId, String userId, String title, BigDecimal value, String currency,
                           String personName, String email, String phone, OffsetDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                insert into crm_deal (lead_id, user_id, title, deal_value, currency, status, person_name, email, phone,
                                      sync_status, created_at, updated_at)
                values (:lead, :user, :title, :value, :currency, 'open', :person, :email, :phone, 'pending', :now, :now)""")
                .param("lead", leadId).param("user", userId).param("title", title).param("value", value)
                .param("currency", currency).param("person", personName).param("email", email).param("phone", phone)
                .param("now", now).update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<Deal> findDeal(long id) {
        return db.sql("select * from crm_deal where id = :id").param("id", id).query(CrmStore::map).optional();
    }

    /**
     * The deal, locked until the transaction ends: a change that compares the deal before and after (won → order,
     * mails) waits for any other change of the same deal, so each transition is seen by exactly one of them.
     */
    public Optional<Deal> findDealForUpdate(long id) {
        return db.sql("select * from crm_deal where id = :id for update").param("id", id).query(CrmStore::map)
                .optional();
    }

    public Deal deal(long id) {
        return findDeal(id).orElseThrow(() -> new IllegalStateException("deal " + id + " does not exist"));
    }

    public List<Deal> listDeals(DealFilter filter, long offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        params.put("offset", offset);
        params.put("limit", limit);
        return db.sql("select * from crm_deal" + where
                        + " order by created_at desc, id desc offset :offset rows fetch next :limit rows only")
                .params(params).query(CrmStore::map).list();
    }

    public long countDeals(DealFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        return db.sql("select count(*) from crm_deal" + where(filter, params)).params(params).query(Long.class).single();
    }

    private static String where(DealFilter filter, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (filter.email() != null) {
            conditions.add("email = :email");
            params.put("email", filter.email());
        }
        if (filter.status() != null) {
            conditions.add("status = :status");
            params.put("status", filter.status());
        }
        if (filter.stageId() != null) {
            conditions.add("stage_id = :stage");
            params.put("stage", filter.stageId());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    public void applyUpdate(long id, DealUpdateRequest update, OffsetDateTime now) {
        db.sql("""
                update crm_deal set
                  stage_id = coalesce(:stage, stage_id),
                  deal_value = coalesce(:value, deal_value),
                  status = coalesce(:status, status),
                  lost_reason = case when :status is not null and :status <> 'lost' then null
                                     else coalesce(:reason, lost_reason) end,
                  sync_status = 'pending',
                  updated_at = :now
                where id = :id""")
                .param("stage", update.stageId(), java.sql.Types.INTEGER)
                .param("value", update.value(), java.sql.Types.NUMERIC)
                .param("status", update.status(), java.sql.Types.VARCHAR)
                .param("reason", update.lostReason(), java.sql.Types.VARCHAR)
                .param("now", now).param("id", id).update();
    }

    /** True when one of the hub's deals is already this Pipedrive deal. */
    public boolean isMirrored(long pipedriveDealId) {
        return db.sql("select count(*) from crm_deal where pipedrive_deal_id = :pid").param("pid", pipedriveDealId)
                .query(Long.class).single() > 0;
    }

    public void markCreatedInPipedrive(long id, long personId, long dealId, Integer stageId) {
        OffsetDateTime now = Timestamps.now(clock);
        db.sql("""
                update crm_deal set pipedrive_person_id = :person, pipedrive_deal_id = :deal,
                  stage_id = coalesce(stage_id, :stage), updated_at = :now
                where id = :id""")
                .param("person", personId).param("deal", dealId).param("stage", stageId, java.sql.Types.INTEGER)
                .param("now", now).param("id", id).update();
    }

    /** The deal's person_name is one the hub made up (no name was given): a name given later may replace it. */
    public void markPersonNamePlaceholder(long id) {
        db.sql("update crm_deal set person_name_placeholder = true where id = :id").param("id", id).update();
    }

    /**
     * What the customer said later fills in the deal's contact (and its lead's): {@code name} replaces the person's
     * name only while it is the hub's placeholder, {@code email} and {@code phone} only a missing one. Null arguments
     * change nothing. Returns what changed ({@link ContactChange#none} when nothing did).
     */
    public ContactChange fillInContact(long id, String name, String email, String phone, OffsetDateTime now) {
        record Current(long leadId, String name, boolean placeholder, String email, String phone) { }
        Current current = db.sql("""
                select lead_id, person_name, person_name_placeholder, email, phone from crm_deal where id = :id
                for update""").param("id", id)
                .query((rs, n) -> new Current(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        rs.getString(5))).optional().orElse(null);
        if (current == null) {
            return ContactChange.NONE;
        }
        String nameWas = name != null && current.placeholder() && !name.equals(current.name()) ? current.name() : null;
        boolean emailAdded = email != null && current.email() == null;
        boolean phoneAdded = phone != null && current.phone() == null;
        if (nameWas == null && !emailAdded && !phoneAdded) {
            return ContactChange.NONE;
        }
        db.sql("""
                update crm_deal set
                  person_name = case when :renamed then :name else person_name end,
                  person_name_placeholder = person_name_placeholder and not :renamed,
                  email = coalesce(email, :email), phone = coalesce(phone, :phone), updated_at = :now
                where id = :id""")
                .param("renamed", nameWas != null).param("name", name, java.sql.Types.VARCHAR)
                .param("email", emailAdded ? email : null, java.sql.Types.VARCHAR)
                .param("phone", phoneAdded ? phone : null, java.sql.Types.VARCHAR)
                .param("now", now).param("id", id).update();
        // the lead keeps what the customer left; its made-up name and missing contact are filled in alike
        db.sql("""
                update crm_lead set
                  name = case when :renamed and name = :was then :name else name end,
                  email = coalesce(email, :email), phone = coalesce(phone, :phone)
                where id = :lead""")
                .param("renamed", nameWas != null).param("was", nameWas, java.sql.Types.VARCHAR)
                .param("name", name, java.sql.Types.VARCHAR)
                .param("email", emailAdded ? email : null, java.sql.Types.VARCHAR)
                .param("phone", phoneAdded ? phone : null, java.sql.Types.VARCHAR)
                .param("lead", current.leadId()).update();
        return new ContactChange(nameWas, emailAdded, phoneAdded);
    }

    /**
     * What {@link #fillInContact} changed: {@code nameWas} the placeholder a new name replaced (null: the name stayed),
     * whether an email and a phone were added.
     */
    public record ContactChange(String nameWas, boolean emailAdded, boolean phoneAdded) {
        static final ContactChange NONE = new ContactChange(null, false, false);

        public boolean any() {
            return nameWas != null || emailAdded || phoneAdded;
        }
    }

    public void setExpectedCloseDate(long id, java.time.LocalDate date) {
        if (date != null) {
            db.sql("update crm_deal set expected_close_date = :d where id = :id").param("d", date).param("id", id)
                    .update();
        }
    }

    public java.time.LocalDate expectedCloseDate(long id) {
        return db.sql("select expected_close_date from crm_deal where id = :id").param("id", id)
                .query((rs, n) -> rs.getObject(1, java.time.LocalDate.class)).optional().orElse(null);
    }

    public void setSyncStatus(long id, String syncStatus) {
        db.sql("update crm_deal set sync_status = :s where id = :id").param("s", syncStatus).param("id", id).update();
    }

    static Deal map(ResultSet rs, int row) throws SQLException {
        return new Deal(rs.getLong("id"), rs.getLong("lead_id"), rs.getString("user_id"), rs.getString("title"),
                rs.getBigDecimal("deal_value"), rs.getString("currency"), rs.getString("status"),
                (Integer) rs.getObject("stage_id", Integer.class), rs.getString("lost_reason"),
                rs.getString("person_name"), rs.getString("email"), rs.getString("phone"),
                rs.getObject("pipedrive_person_id", Long.class), rs.getObject("pipedrive_deal_id", Long.class),
                rs.getString("sync_status"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    public record DealFilter(String email, String status, Integer stageId) { }
}
