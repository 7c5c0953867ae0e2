package de.henk.hub.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.henk.hub.auth.Caller;
import de.henk.hub.auth.Role;
import de.henk.hub.system.Page;
import de.henk.hub.system.Timestamps;
import de.henk.hub.web.ApiException;
import de.henk.hub.web.PathIds;
import de.henk.hub.web.RequestValidator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The sales team's view of deals: list, read, and update (stage, value, won/lost) with Pipedrive following. */
@Service("deals")
public class DealDesk {

    private static final Set<String> STATUSES = Set.of("open", "won", "lost");

    private final CrmStore store;
    private final CrmOutbox outbox;
    private final PipedriveStages stages;
    private final ObjectMapper json;
    private final DealEvents dealEvents;
    private final RequestValidator requests;
    private final Clock clock;

    public DealDesk(CrmStore store, CrmOutbox outbox, PipedriveStages stages, ObjectMapper json, DealEvents dealEvents,
                    RequestValidator requests, Clock clock) {
        this.requests = requests;
        this.dealEvents = dealEvents;
        this.store = store;
        this.outbox = outbox;
        this.stages = stages;
        this.json = json;
        this.clock = clock;
    }

    public DealList list(String email, String status, String stageId, String page, String size) {
        Page.Request request = Page.request(page, size);
        CrmStore.DealFilter filter = new CrmStore.DealFilter(requests.emailParameter(email), status(status),
                stage(stageId));
        List<DealView> deals = store.listDeals(filter, request.offset(), request.size()).stream().map(DealView::of)
                .toList();
        return new DealList(deals, request.of(store.countDeals(filter)));
    }

    /** The sales team sees every deal; a customer only their own (others are "not found", not "forbidden"). */
    public DealView get(String id, Caller caller) {
        Deal deal = store.findDeal(dealId(id))
                .filter(d -> caller.has(Role.BETA) || caller.userId().equals(d.userId())
                        || (d.userId() == null && d.email() != null && d.email().equals(caller.email())))
                .orElseThrow(DealDesk::notFound);
        return DealView.of(deal);
    }

    /** Applies the change locally and queues the same change for Pipedrive, in one transaction. */
    @Transactional
    public long update(String id, DealUpdateRequest update) {
        // locked: ten "won" clicks at once are one win (one order, one confirmation), not ten reads of "open"
        Deal deal = store.findDealForUpdate(dealId(id)).orElseThrow(DealDesk::notFound);
        if (update.empty()) {
            throw ApiException.badRequest("nothing_to_update", "Send at least one of stage_id, value, status, lost_reason");
        }
        boolean lostAfter = "lost".equals(update.status()) || (update.status() == null && "lost".equals(deal.status()));
        if (update.lostReason() != null && !lostAfter) {
            throw new ApiException(400, "validation_failed", "lost_reason: only a lost deal has a lost reason",
                    List.of(new ApiException.FieldError("lost_reason", "only a lost deal has a lost reason")),
                    java.util.Map.of());
        }
        if (update.stageId() != null && !stages.isKnownOrUnknowable(update.stageId())) {
            throw new ApiException(400, "unknown_stage", "Pipedrive has no stage " + update.stageId(),
                    List.of(new ApiException.FieldError("stage_id", "unknown stage")), java.util.Map.of());
        }
        OffsetDateTime now = Timestamps.now(clock);
        store.applyUpdate(deal.id(), update, now);
        outbox.enqueue(deal.id(), OutboxEntry.UPDATE_DEAL, changes(update), now);
        dealEvents.changed(deal, store.deal(deal.id()), "hub");
        return deal.id();
    }

    public DealView view(long dealId) {
        return DealView.of(store.deal(dealId));
    }

    private String changes(DealUpdateRequest update) {
        ObjectNode patch = json.createObjectNode();
        if (update.stageId() != null) {
            patch.put("stage_id", update.stageId());
        }
        if (update.value() != null) {
            patch.put("value", update.value());
        }
        if (update.status() != null) {
            patch.put("status", update.status());
        }
        if (update.lostReason() != null) {
            patch.put("lost_reason", update.lostReason());
        }
        try {
            return json.writeValueAsString(patch);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long dealId(String id) {
        return PathIds.numeric(id).orElseThrow(DealDesk::notFound);
    }

    private static String status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        if (!STATUSES.contains(status)) {
            throw ApiException.badRequest("invalid_parameter", "status must be open, won or lost");
        }
        return status;
    }

    private static Integer stage(String stage) {
        if (stage == null || stage.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(stage);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_parameter", "stage_id must be a whole number");
        }
    }

    private static ApiException notFound() {
        return ApiException.notFound("deal_not_found", "No deal with this id");
    }

    public record DealList(List<DealView> deals, Page page) { }
}
