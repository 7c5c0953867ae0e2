package de.henk.hub.crm;

import de.henk.hub.auth.AuthService;
import de.henk.hub.auth.Caller;
import de.henk.hub.auth.Role;
import de.henk.hub.auth.UserRepository;
import de.henk.hub.events.DomainEvents;
import de.henk.hub.system.BusinessMetrics;
import de.henk.hub.system.Timestamps;
import de.henk.hub.web.ApiException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepting a lead: the lead, its deal and the outbox entry that will create both in Pipedrive are committed
 * together before anything talks to Pipedrive, so an accepted lead is never lost.
 */
@Service("leads")
public class LeadIntake {

    private final CrmStore store;
    private final CrmOutbox outbox;
    private final UserRepository users;
    private final DomainEvents events;
    private final Clock clock;
    private final PhoneNumbers phones;
    private final LeadFloodGuard floods;
    private final BusinessMetrics metrics;
    private final TransactionTemplate tx;

    public LeadIntake(CrmStore store, CrmOutbox outbox, UserRepository users, DomainEvents events, Clock clock,
                      PhoneNumbers phones, LeadFloodGuard floods, BusinessMetrics metrics, TransactionTemplate tx) {
        this.tx = tx;
        this.metrics = metrics;
        this.phones = phones;
        this.floods = floods;
        this.events = events;
        this.store = store;
        this.outbox = outbox;
        this.users = users;
        this.clock = clock;
    }

    /**
     * A lead from the API. Customers leave it for themselves (their account's email when they give none); the
     * sales team for anyone reachable — by email, or by phone alone (a customer who called the atelier).
     * <p>
     * With an Idempotency-Key the same request is one lead however often and however simultaneously it arrives:
     * copies that raced the first one past the lookup lose at the key's unique index, and — in a transaction of
     * their own, after the winner committed — answer as a replay; one that finds the winner still uncommitted is
     * told 409 {@code idempotency_key_in_use}. The same key with another request is 422
     * {@code idempotency_key_reused}.
     */
    public AcceptedLead accept(LeadRequest request, Caller caller, String idempotencyKey) {
        String scopedKey = scopedKey(idempotencyKey, caller);
        String fingerprint = scopedKey == null ? null : fingerprint(request);
        try {
            return tx.execute(status -> acceptOnce(request, caller, scopedKey, fingerprint));
        } catch (DuplicateKeyException | PessimisticLockingFailureException sameKeyAtOnce) {
            if (scopedKey == null) {
                throw sameKeyAtOnce;
            }
            // the transaction that failed is rolled back (PostgreSQL allows nothing else in it); look again
            return tx.execute(status -> replay(scopedKey, fingerprint)).orElseThrow(() -> {
                if (sameKeyAtOnce instanceof DuplicateKeyException && !keyTaken(sameKeyAtOnce)) {
                    return sameKeyAtOnce;
                }
                return ApiException.conflict("idempotency_key_in_use", "A request with this Idempotency-Key is "
                        + "still being processed; retry it in a moment to get its answer");
            });
        }
    }

    private AcceptedLead acceptOnce(LeadRequest request, Caller caller, String scopedKey, String fingerprint) {
        String phone = blankToNull(request.phone());
        String email = emailOrNull(request.email());
        if (email == null && !caller.has(Role.BETA)) {
            email = caller.email();
        }
        if (email == null && phone == null) {
            throw ApiException.validation(List.of(new ApiException.FieldError("email",
                    "an email address or a phone number is required")));
        }
        if (email == null && phones.canonical(phone) == null) {
            // the number is all the team has: it must be one that can be dialled and found again in Pipedrive
            throw ApiException.validation(List.of(new ApiException.FieldError("phone",
                    "must be a phone number with at least 6 digits when no email is given")));
        }
        if (!caller.has(Role.BETA) && !java.util.Objects.equals(email, caller.email())) {
            throw ApiException.forbidden("lead_email_mismatch", "Customers can only leave a request for their own email");
        }
        if (scopedKey != null) {
            var earlier = replay(scopedKey, fingerprint);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        OffsetDateTime now = Timestamps.now(clock);
        String customerId = !caller.has(Role.BETA) ? caller.userId()
                : email == null ? null : users.findByEmail(email).map(u -> u.id()).orElse(null);
        String currency = request.currency() == null ? "EUR" : request.currency();
        if (!caller.has(Role.BETA)) {
            var open = admitted(customerId, email, phone, now);
            if (open.isPresent()) {
                return join(open.get(), caller.userId(), null, "api", request.name().strip(), email, phone, scopedKey,
                        fingerprint,
                        request.dealTitle().strip() + " – " + request.dealValue().toPlainString() + " " + currency,
                        now);
            }
        }
        long leadId = store.insertLead(caller.userId(), null, "api", request.name().strip(), email, phone, scopedKey,
                now);
        store.rememberRequest(leadId, fingerprint);
        long dealId = store.insertDeal(leadId, customerId, request.dealTitle().strip(), request.dealValue(), currency,
                request.name().strip(), email, phone, now);
        outbox.enqueue(dealId, OutboxEntry.CREATE_DEAL, "{}", now);
        leadCreated(dealId, "api");
        return new AcceptedLead(dealId, false);
    }

    /** The answer stored for this key, when it was used before — for the same request only. */
    private java.util.Optional<AcceptedLead> replay(String scopedKey, String fingerprint) {
        return store.requestForIdempotencyKey(scopedKey).map(earlier -> {
            if (earlier.fingerprint() != null && !earlier.fingerprint().equals(fingerprint)) {
                throw new ApiException(422, "idempotency_key_reused", "This Idempotency-Key was used for another "
                        + "request; send a new key for a new lead, or the same request to get its answer again");
            }
            metrics.lead("api", "replayed");
            // the replay tells what became of the request as the first answer did: joined stays joined
            return new AcceptedLead(earlier.dealId(), true, earlier.joined());
        });
    }

    /** Whether the unique index that refused the insert is the idempotency key's (and not another one). */
    private static boolean keyTaken(RuntimeException duplicate) {
        String message = String.valueOf(duplicate.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("ux_crm_lead_idempotency");
    }

    /**
     * What makes two requests "the same" for an Idempotency-Key: the fields as the hub reads them (trimmed, the
     * email normalised, 2500 = 2500.00, no currency = EUR), as a SHA-256 hex digest.
     */
    static String fingerprint(LeadRequest request) {
        String canonical = String.join("\u0000", String.valueOf(blankToNull(request.name())),
                String.valueOf(emailOrNull(request.email())), String.valueOf(blankToNull(request.phone())),
                String.valueOf(blankToNull(request.dealTitle())),
                request.dealValue() == null ? "null" : request.dealValue().stripTrailingZeros().toPlainString(),
                request.currency() == null ? "EUR" : request.currency());
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private java.util.Optional<Long> admitted(String customerId, String email, String phone, OffsetDateTime now) {
        try {
            return floods.admit(customerId, email, phone, now);
        } catch (ApiException refused) {
            metrics.leadRefused("api");
            throw refused;
        }
    }

    private void leadCreated(long dealId, String source) {
        metrics.lead(source, "created");
        Deal deal = store.deal(dealId);
        events.record("lead.created", "deal/" + dealId, DomainEvents.data("deal_id", dealId, "lead_id", deal.leadId(),
                "source", source, "title", deal.title(), "value", deal.value(), "currency", deal.currency(),
                "name", deal.personName(), "email", deal.email(), "phone", deal.phone(), "user_id", deal.userId()));
    }

    /**
     * A lead the conversation qualified (issue "HENK's conversation"): stored like {@link #accept}, at most once
     * per opportunity — {@code opportunityKey} (e.g. session id + occasion + event month) is its idempotency key.
     * {@code userId} may be null for an anonymous customer who left an email or a phone number in the chat; one of
     * {@code email} and {@code phone} is always given. {@code namePlaceholder}: the customer gave no name, {@code name}
     * is one the hub made up - a name given later in the conversation replaces it ({@link #addContact}).
     */
    @Transactional
    public AcceptedLead acceptFromConversation(String userId, String sessionId, String opportunityKey, String name,
                                               boolean namePlaceholder, String email, String phone, String dealTitle,
                                               java.math.BigDecimal dealValue, java.time.LocalDate expectedCloseDate,
                                               String conversationNote) {
        String key = "conversation:" + opportunityKey;
        var earlier = store.dealIdForIdempotencyKey(key);
        if (earlier.isPresent()) {
            metrics.lead("chat", "replayed");
            return new AcceptedLead(earlier.get(), true);
        }
        OffsetDateTime now = Timestamps.now(clock);
        String normalized = emailOrNull(email);
        if (normalized == null && blankToNull(phone) == null) {
            throw new IllegalArgumentException("a lead needs an email address or a phone number");
        }
        var open = floods.admitConversation(userId, normalized, blankToNull(phone), now);
        if (open.isPresent()) {
            String what = dealTitle.strip() + (dealValue == null ? "" : " – " + dealValue.toPlainString() + " EUR")
                    + (conversationNote == null || conversationNote.isBlank() ? "" : "\n\n" + conversationNote);
            return join(open.get(), userId, sessionId, "chat", name.strip(), normalized, blankToNull(phone), key, null,
                    what, now);
        }
        long leadId = store.insertLead(userId, sessionId, "chat", name.strip(), normalized, blankToNull(phone), key, now);
        long dealId = store.insertDeal(leadId, userId, dealTitle.strip(), dealValue, "EUR", name.strip(), normalized,
                blankToNull(phone), now);
        store.setExpectedCloseDate(dealId, expectedCloseDate);
        if (namePlaceholder) {
            store.markPersonNamePlaceholder(dealId);
        }
        outbox.enqueue(dealId, OutboxEntry.CREATE_DEAL, "{}", now);
        if (conversationNote != null && !conversationNote.isBlank()) {
            // after the deal (entries of a customer go out in order): what HENK learned, for the sales team
            outbox.enqueue(dealId, OutboxEntry.CREATE_NOTE, noteJson(conversationNote), now);
        }
        events.record("lead.qualified", "deal/" + dealId, DomainEvents.data("deal_id", dealId, "session_id", sessionId,
                "opportunity", opportunityKey, "user_id", userId, "email", normalized, "value", dealValue));
        leadCreated(dealId, "chat");
        return new AcceptedLead(dealId, false);
    }

    /**
     * A further request of a customer whose deal is still open: kept as a lead that joined the deal, told to the
     * sales team as one note on the Pipedrive deal (one call, through the outbox behind the deal's own entries) and
     * as {@code henk.lead.joined} — no second deal, no second team mail.
     */
    private AcceptedLead join(long dealId, String userId, String sessionId, String source, String name, String email,
                              String phone, String idempotencyKey, String fingerprint, String what,
                              OffsetDateTime now) {
        long leadId = store.insertJoinedLead(dealId, userId, sessionId, source, name, email, phone, idempotencyKey,
                now);
        store.rememberRequest(leadId, fingerprint);
        outbox.enqueue(dealId, OutboxEntry.CREATE_NOTE, noteJson("Weitere Anfrage (" + source + "): " + what), now);
        events.record("lead.joined", "deal/" + dealId, DomainEvents.data("deal_id", dealId, "source", source,
                "user_id", userId));
        metrics.lead(source, "joined");
        return new AcceptedLead(dealId, false, true);
    }

    /**
     * A customer who was handed over with only a phone number gives an email later in the chat: it joins the deal
     * and, through the outbox, the Pipedrive person. A deal that already has an email keeps it.
     */
    @Transactional
    public boolean addEmail(long dealId, String email) {
        return addContact(dealId, null, email, null);
    }

    /**
     * Contact details the customer gives in the conversation after the lead was handed over fill in the deal (and its
     * lead) and, through the outbox ({@code update_person}, in order behind the deal's own entries, retried like every
     * CRM write), the Pipedrive person. What is filled in and what is kept:
     * <ul>
     *   <li>{@code name} replaces the person's name only while it is the placeholder the hub made up because the
     *       customer had given none (the email's local part, "Chat-Kunde"). A name the customer gave, an account's
     *       username or a name the sales team set (in Pipedrive, mirrored back) is never replaced; in Pipedrive the
     *       name is changed only while the person still bears that very placeholder (see
     *       {@link PipedriveRequests#personPatch}).</li>
     *   <li>{@code email} and {@code phone} fill in a missing one; a deal that has one keeps it. In Pipedrive they
     *       join the person's emails or phones unless it has them already.</li>
     * </ul>
     * Null or blank arguments change nothing. True when something changed (and an outbox entry was written).
     */
    @Transactional
    public boolean addContact(long dealId, String name, String email, String phone) {
        OffsetDateTime now = Timestamps.now(clock);
        String realName = blankToNull(name);
        CrmStore.ContactChange change = store.fillInContact(dealId,
                realName == null ? null : realName.substring(0, Math.min(200, realName.length())), emailOrNull(email),
                blankToNull(phone), now);
        if (!change.any()) {
            return false;
        }
        outbox.enqueue(dealId, OutboxEntry.UPDATE_PERSON, personUpdateJson(change.nameWas()), now);
        return true;
    }

    /** The update_person entry's payload: the placeholder the Pipedrive person may still bear, when renamed. */
    private static String personUpdateJson(String nameWas) {
        return nameWas == null ? "{}" : "{\"name_was\":\"" + new String(com.fasterxml.jackson.core.io
                .JsonStringEncoder.getInstance().quoteAsString(nameWas)) + "\"}";
    }

    /** 201 when the deal already exists in Pipedrive, 202 while its sync is still pending. */
    public LeadResponse respond(AcceptedLead accepted, Exchange exchange) {
        Deal deal = store.deal(accepted.dealId());
        boolean synced = deal.pipedriveDealId() != null;
        Message message = exchange.getMessage();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, accepted.replayed() || accepted.joined() ? 200 : synced ? 201 : 202);
        message.setHeader("Location", "/api/crm/deal/" + deal.id());
        return new LeadResponse(deal.leadId(), accepted.joined() ? "joined" : synced ? "synced" : "pending",
                DealView.of(deal));
    }

    private static String noteJson(String note) {
        return "{\"content\":\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance()
                .quoteAsString(note)) + "\"}";
    }

    private static String scopedKey(String idempotencyKey, Caller caller) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return null;
        }
        if (idempotencyKey.length() > 100) {
            throw ApiException.badRequest("invalid_idempotency_key", "Idempotency-Key may have at most 100 characters");
        }
        return caller.userId() + ":" + idempotencyKey.strip();
    }

    private static String emailOrNull(String email) {
        return email == null || email.isBlank() ? null : AuthService.normalizeEmail(email);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code joined}: the request became a note on the customer's open deal instead of a new one. */
    public record AcceptedLead(long dealId, boolean replayed, boolean joined) {
        public AcceptedLead(long dealId, boolean replayed) {
            this(dealId, replayed, false);
        }
    }

    public record LeadResponse(long leadId, String status, DealView deal) { }
}
