package de.henk.hub.crm;

import de.henk.hub.config.HenkProperties;
import de.henk.hub.web.ApiException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * One customer cannot flood the sales team (OWASP API6): while their deal is open, a further request joins it
 * instead of opening another; and per rolling day they may make {@code henk.crm.leads.max-requests-per-day}
 * requests and open {@code henk.crm.leads.max-new-deals-per-day} deals — beyond that 429 {@code too_many_leads}
 * with Retry-After. The sales team is not limited. Called inside the lead's transaction.
 */
@Component
public class LeadFloodGuard {

    private static final Duration DAY = Duration.ofHours(24);

    private final CrmStore store;
    private final HenkProperties.Crm.Leads limits;

    public LeadFloodGuard(CrmStore store, HenkProperties properties) {
        this.store = store;
        this.limits = properties.crm().leads();
    }

    /** The open deal this request joins, or empty when it may open a new one; throws 429 when over a limit. */
    public Optional<Long> admit(String userId, String email, String phone, OffsetDateTime now) {
        store.lockCustomer(userId);
        OffsetDateTime since = now.minus(DAY);
        refuseOver(store.leadRequestsSince(userId, email, phone, since), limits.maxRequestsPerDay(), now,
                "You have sent us several requests today; the team will get back to you");
        Optional<Long> open = store.openDealOf(userId, email, phone);
        if (open.isEmpty()) {
            refuseOver(store.dealsOpenedSince(userId, email, phone, since), limits.maxNewDealsPerDay(), now,
                    "You have opened several requests today; the team will get back to you");
        }
        return open;
    }

    /**
     * The chat's automatic lead (already once per opportunity): it joins the open deal like any request; a customer
     * over the day's limits is never refused mid-conversation — their lead joins their newest deal instead.
     */
    public Optional<Long> admitConversation(String userId, String email, String phone, OffsetDateTime now) {
        try {
            return admit(userId, email, phone, now);
        } catch (ApiException overLimit) {
            return store.newestDealOf(userId, email, phone);
        }
    }

    private static void refuseOver(List<OffsetDateTime> within, int limit, OffsetDateTime now, String detail) {
        if (within.size() < limit) {
            return;
        }
        // the request that frees a place is the oldest one the limit still counts
        OffsetDateTime freed = within.get(within.size() - limit).plus(DAY);
        long seconds = Math.max(1, Duration.between(now, freed).toSeconds());
        throw new ApiException(429, "too_many_leads", detail, List.of(), Map.of("Retry-After", String.valueOf(seconds)));
    }
}
