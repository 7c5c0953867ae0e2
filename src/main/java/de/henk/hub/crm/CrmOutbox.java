package de.henk.hub.crm;

import de.henk.hub.config.HenkProperties;
import de.henk.hub.events.DomainEvents;
import de.henk.hub.system.Timestamps;
import de.henk.hub.web.PathIds;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The CRM outbox: every Pipedrive write is a row committed together with the local change, then claimed and
 * pushed by the outbox routes. A claim is a lease (claimed_by + claim_expires_at) taken with a conditional
 * update, so several hub instances never push the same row at once and a crashed instance's lease runs out.
 * Entries of one customer go out strictly in order.
 */
@Component("crmOutbox")
public class CrmOutbox {

    private static final Logger log = LoggerFactory.getLogger(CrmOutbox.class);

    private final JdbcClient db;
    private final CrmStore store;
    private final HenkProperties.Crm.Outbox settings;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final CrmSyncMetrics metrics;
    private final DomainEvents events;
    private final PhoneNumbers phones;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + java.util.UUID.randomUUID();

    private static final String DUE = """
            select o.id from crm_outbox o
            where o.status = 'pending' and o.next_attempt_at <= :now
              and (o.claim_expires_at is null or o.claim_expires_at < :now)
              and not exists (select 1 from crm_outbox e
                              where e.customer_key = o.customer_key and e.status = 'pending' and e.id < o.id)""";

    /** The poller leaves a brand-new entry to the request that created it for a moment (it syncs inline). */
    private static final String NOT_JUST_CREATED = " and (o.attempts > 0 or o.created_at < :graceCutoff)";

    public CrmOutbox(JdbcClient db, CrmStore store, HenkProperties properties, Clock clock, TransactionTemplate tx,
                     CrmSyncMetrics metrics, DomainEvents events, PhoneNumbers phones) {
        this.events = events;
        this.metrics = metrics;
        this.db = db;
        this.tx = tx;
        this.store = store;
        this.settings = properties.crm().outbox();
        this.phones = phones;
        this.clock = clock;
    }

    public long enqueue(long dealId, String operation, String payload, OffsetDateTime now) {
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        db.sql("""
                insert into crm_outbox (deal_id, customer_key, operation, payload, status, attempts, next_attempt_at,
                                        created_at, updated_at)
                values (:deal, :customer, :op, :payload, 'pending', 0, :now, :now, :now)""")
                .param("deal", dealId).param("customer", customerKey(dealId)).param("op", operation)
                .param("payload", payload).param("now", now)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /**
     * Whose entries these are: the email, or for a customer known only by phone the number in one form. A deal keeps
     * the key of its first entry, so its entries stay in order when an email is added to a phone-only lead later.
     */
    private String customerKey(long dealId) {
        var earlier = db.sql("select customer_key from crm_outbox where deal_id = :deal order by id fetch first 1 rows only")
                .param("deal", dealId).query(String.class).optional();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Deal deal = store.deal(dealId);
        if (deal.email() != null) {
            return deal.email();
        }
        return "tel:" + phones.identifying(deal.phone());
    }

    /**
     * Claims due entries, oldest first — only a customer's earliest open entry, so each customer's writes go out
     * in order. {@code FOR UPDATE SKIP LOCKED} lets several instances poll at once without waiting on each other;
     * the lease written in the same transaction keeps the rows theirs after it commits.
     */
    public List<OutboxEntry> claimDue() {
        return tx.execute(status -> {
            OffsetDateTime now = Timestamps.now(clock);
            List<Long> candidates = db.sql(DUE + NOT_JUST_CREATED
                            + " order by o.id fetch first :limit rows only for update skip locked")
                    .param("now", now).param("graceCutoff", now.minus(settings.inlineGrace()))
                    .param("limit", settings.batchSize()).query(Long.class).list();
            List<OutboxEntry> claimed = new ArrayList<>();
            for (long id : candidates) {
                claim(id, now).ifPresent(claimed::add);
            }
            return claimed;
        });
    }

    /** Claims the deal's next entry if it is due and its customer's turn (used to sync inside the HTTP request). */
    public OutboxEntry claimNextForDeal(long dealId) {
        return tx.execute(status -> {
            OffsetDateTime now = Timestamps.now(clock);
            return db.sql(DUE + " and o.deal_id = :deal order by o.id fetch first 1 rows only for update skip locked")
                    .param("now", now).param("deal", dealId).query(Long.class).optional()
                    .flatMap(id -> claim(id, now))
                    .orElse(null);
        });
    }

    private Optional<OutboxEntry> claim(long id, OffsetDateTime now) {
        int won = db.sql("""
                update crm_outbox set claimed_by = :node, claim_expires_at = :expires, updated_at = :now
                where id = :id and status = 'pending' and next_attempt_at <= :now
                  and (claim_expires_at is null or claim_expires_at < :now)""")
                .param("node", node).param("expires", now.plus(settings.claimTtl()))
                .param("now", now).param("id", id).update();
        if (won != 1) {
            return Optional.empty();
        }
        return db.sql("select id, deal_id, operation, payload, attempts from crm_outbox where id = :id").param("id", id)
                .query((rs, n) -> new OutboxEntry(rs.getLong("id"), rs.getLong("deal_id"), rs.getString("operation"),
                        rs.getString("payload"), rs.getInt("attempts")))
                .optional();
    }

    @Transactional
    public void completed(OutboxEntry entry) {
        OffsetDateTime now = Timestamps.now(clock);
        db.sql("""
                update crm_outbox set status = 'done', attempts = attempts + 1, claimed_by = null,
                  claim_expires_at = null, last_error = null, updated_at = :now
                where id = :id""").param("now", now).param("id", entry.id()).update();
        metrics.synced(db.sql("select created_at from crm_outbox where id = :id").param("id", entry.id())
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).single());
        long open = db.sql("select count(*) from crm_outbox where deal_id = :deal and status = 'pending'")
                .param("deal", entry.dealId()).query(Long.class).single();
        if (open == 0) {
            store.setSyncStatus(entry.dealId(), "synced");
        }
        if (OutboxEntry.CREATE_DEAL.equals(entry.operation())) {
            Deal deal = store.deal(entry.dealId());
            events.record("lead.synced", "deal/" + deal.id(), DomainEvents.data("deal_id", deal.id(),
                    "pipedrive_deal_id", deal.pipedriveDealId(), "pipedrive_person_id", deal.pipedrivePersonId(),
                    "stage_id", deal.stageId()));
        }
    }

    /*
     * What a failed push leads to is decided by the retry policy in routes/crm-outbox.camel.yaml (routeConfiguration
     * crm-outbox-retry-policy); these only record its decision.
     */

    /** Pipedrive was not called (rate budget, pause, open circuit): not an attempt; due again in {@code delayMs}. */
    @Transactional
    public void defer(OutboxEntry entry, long delayMs) {
        OffsetDateTime now = Timestamps.now(clock);
        db.sql("""
                update crm_outbox set next_attempt_at = :next, claimed_by = null, claim_expires_at = null,
                  updated_at = :now where id = :id""")
                .param("next", now.plusNanos(delayMs * 1_000_000)).param("now", now).param("id", entry.id()).update();
        log.debug("CRM outbox entry {} deferred for {} ms", entry.id(), delayMs);
    }

    /** The attempt failed; the next one is due in {@code delayMs}. */
    @Transactional
    public void retryLater(OutboxEntry entry, Exception failure, long delayMs) {
        OffsetDateTime now = Timestamps.now(clock);
        String error = describe(rootHttpFailure(failure));
        record(entry, "pending", now.plusNanos(delayMs * 1_000_000), error, now);
        metrics.retried();
        log.warn("CRM outbox entry {} ({} of deal {}) failed, attempt {} — retry in {} ms: {}", entry.id(),
                entry.operation(), entry.dealId(), entry.attempt(), delayMs, error);
    }

    /** The attempt failed and there will be no other: a dead letter, visible to admins, replayable. */
    @Transactional
    public void deadLetter(OutboxEntry entry, Exception failure) {
        OffsetDateTime now = Timestamps.now(clock);
        String error = describe(rootHttpFailure(failure));
        record(entry, "dead", now, error, now);
        metrics.gaveUp();
        store.setSyncStatus(entry.dealId(), "failed");
        log.error("CRM outbox entry {} ({} of deal {}) gave up after {} attempts: {}", entry.id(), entry.operation(),
                entry.dealId(), entry.attempt(), error);
    }

    private void record(OutboxEntry entry, String status, OffsetDateTime next, String error, OffsetDateTime now) {
        db.sql("""
                update crm_outbox set status = :status, attempts = :attempts, next_attempt_at = :next,
                  claimed_by = null, claim_expires_at = null, last_error = :error, updated_at = :now
                where id = :id""")
                .param("status", status).param("attempts", entry.attempt()).param("next", next).param("error", error)
                .param("now", now).param("id", entry.id()).update();
    }

    private static Exception rootHttpFailure(Exception caught) {
        for (Throwable t = caught; t != null; t = t.getCause()) {
            if (t instanceof HttpOperationFailedException http) {
                return http;
            }
        }
        return caught;
    }

    /** Admin view: entries by status (pending, done, dead), newest first. */
    public OutboxPage list(String status, String page, String size) {
        de.henk.hub.system.Page.Request request = de.henk.hub.system.Page.request(page, size);
        if (status != null && !status.isBlank() && !List.of("pending", "done", "dead").contains(status)) {
            throw de.henk.hub.web.ApiException.badRequest("invalid_parameter", "status must be pending, done or dead");
        }
        String filter = status == null || status.isBlank() ? "%" : status;
        List<OutboxView> entries = db.sql("""
                select id, deal_id, operation, status, attempts, next_attempt_at, last_error, created_at, updated_at
                from crm_outbox where status like :status
                order by id desc offset :offset rows fetch next :limit rows only""")
                .param("status", filter).param("offset", request.offset()).param("limit", request.size())
                .query(CrmOutbox::view).list();
        long total = db.sql("select count(*) from crm_outbox where status like :status").param("status", filter)
                .query(Long.class).single();
        return new OutboxPage(entries, request.of(total));
    }

    /** Admin: give a dead (or waiting) entry a fresh set of attempts, due now. */
    @Transactional
    public OutboxView retry(String id) {
        long entryId = PathIds.numeric(id).orElseThrow(() ->
                de.henk.hub.web.ApiException.notFound("outbox_entry_not_found", "No outbox entry with this id"));
        OffsetDateTime now = Timestamps.now(clock);
        int updated = db.sql("""
                update crm_outbox set status = 'pending', attempts = 0, next_attempt_at = :now, claimed_by = null,
                  claim_expires_at = null, updated_at = :now
                where id = :id and status in ('dead', 'pending')""")
                .param("now", now).param("id", entryId).update();
        if (updated == 0) {
            boolean exists = db.sql("select count(*) from crm_outbox where id = :id").param("id", entryId)
                    .query(Long.class).single() > 0;
            throw exists ? de.henk.hub.web.ApiException.conflict("outbox_entry_done", "This entry already went through")
                    : de.henk.hub.web.ApiException.notFound("outbox_entry_not_found", "No outbox entry with this id");
        }
        db.sql("update crm_deal set sync_status = 'pending' where id = (select deal_id from crm_outbox where id = :id)")
                .param("id", entryId).update();
        return db.sql("""
                select id, deal_id, operation, status, attempts, next_attempt_at, last_error, created_at, updated_at
                from crm_outbox where id = :id""").param("id", entryId).query(CrmOutbox::view).single();
    }

    private static OutboxView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new OutboxView(rs.getLong("id"), rs.getLong("deal_id"), rs.getString("operation"),
                rs.getString("status"), rs.getInt("attempts"), rs.getObject("next_attempt_at", OffsetDateTime.class),
                rs.getString("last_error"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    public record OutboxView(long id, long dealId, String operation, String status, int attempts,
                             OffsetDateTime nextAttemptAt, String lastError, OffsetDateTime createdAt,
                             OffsetDateTime updatedAt) { }

    public record OutboxPage(List<OutboxView> entries, de.henk.hub.system.Page page) { }

    static String describe(Exception failure) {
        String text;
        if (failure instanceof HttpOperationFailedException http) {
            String body = http.getResponseBody() == null ? "" : http.getResponseBody();
            text = "HTTP " + http.getStatusCode() + " " + body;
        } else {
            text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        }
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
