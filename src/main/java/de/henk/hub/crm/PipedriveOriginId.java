package de.henk.hub.crm;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.stereotype.Component;

/**
 * Whether new deals go to Pipedrive with origin_id: the one thing about the Pipedrive it talks to that the hub learns
 * while it runs. origin_id is the idempotency key by which a retry finds a deal created before a crash, but not every
 * description of API v2 lists it for POST /api/v2/deals (the npm package's AddDealRequest does not), and a strict
 * Pipedrive refuses it with a 400 or 422, naming the field or not. After a deal refused with it went through without
 * it (route pipedrive-create-deal, step origin-id-refused) deals go without it, and a retry finds its earlier deal as
 * {@link PipedriveResponses#earlierDeal} describes.
 * <p>
 * Kept in memory only, by each hub instance for itself: every start begins by sending origin_id again, so a
 * Pipedrive that has learnt to take it is used fully after a restart, at the price of one refused call (one per deal
 * already on its way) where it still does not. Nothing else turns it back on. Outbox workers and customers' inline
 * syncs read and set it at the same time, hence the atomic flag.
 */
@Component("pipedriveOriginId")
public class PipedriveOriginId {

    private final AtomicBoolean refused = new AtomicBoolean();

    /** Whether a new deal carries origin_id. */
    public boolean sent() {
        return !refused.get();
    }

    /** Whether a try of a new deal carries origin_id: unless refused before, or this is the try without it. */
    public boolean carried(Boolean withoutOriginId) {
        return sent() && !Boolean.TRUE.equals(withoutOriginId);
    }

    /**
     * Whether Pipedrive's refusal of a new deal may be its origin_id: a 400 or 422 to a deal that carried it. The
     * answer need not name the field (a schema validator may say only that the body has properties it does not
     * allow), so the deal is tried once more without it ({@code origin-id-refused} in pipedrive-create-deal), and only
     * that try going through shows origin_id was the trouble. Asked of the answer and this try alone, not of what is
     * known already: a deal posted with origin_id just before another's refusal was learnt is refused too, and goes
     * again without it like the first.
     */
    public boolean mayHaveRefused(Exception failure, Boolean originIdSent) {
        HttpOperationFailedException http = PipedriveGuard.httpFailure(failure);
        return Boolean.TRUE.equals(originIdSent) && http != null
                && (http.getStatusCode() == 400 || http.getStatusCode() == 422);
    }

    /** This Pipedrive does not take origin_id: new deals go without it until the hub restarts. */
    public void refused() {
        refused.set(true);
    }

    /** For tests: deals carry origin_id again, as after a restart. */
    void forget() {
        refused.set(false);
    }
}
