package de.henk.hub.crm;

import de.henk.hub.events.DomainEvents;
import de.henk.hub.orders.OrderBook;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The events of a deal that changed — by the sales team in the hub or in Pipedrive itself: always
 * {@code henk.deal.updated}, plus {@code henk.deal.won} / {@code henk.deal.lost} when its status became that.
 * Recorded inside the caller's transaction; a deal that became won also becomes an order (the first time only:
 * its {@code henk.deal.won} then carries {@code order_created: true}, the one that mails the customer and team).
 */
@Component
public class DealEvents {

    private final DomainEvents events;
    private final OrderBook orders;

    public DealEvents(DomainEvents events, OrderBook orders) {
        this.events = events;
        this.orders = orders;
    }

    public void changed(Deal before, Deal after, String changedIn) {
        String subject = "deal/" + after.id();
        events.record("deal.updated", subject, DomainEvents.data("deal_id", after.id(), "changed_in", changedIn,
                "status", after.status(), "previous_status", before.status(), "value", after.value(),
                "currency", after.currency(), "stage_id", after.stageId(), "title", after.title()));
        if (!Objects.equals(before.status(), after.status()) && ("won".equals(after.status())
                || "lost".equals(after.status()))) {
            boolean won = "won".equals(after.status());
            Map<String, Object> data = DomainEvents.data("deal_id", after.id(),
                    "changed_in", changedIn, "title", after.title(), "value", after.value(), "currency",
                    after.currency(), "name", after.personName(), "email", after.email(), "phone", after.phone(),
                    "user_id", after.userId(),
                    "pipedrive_deal_id", after.pipedriveDealId(), "lost_reason", after.lostReason());
            if (won) {
                // only the first win makes the order, and only it confirms the order to the customer and tells the
                // team: a deal reopened (or lost) and won again keeps its order and mails nobody again
                data.put("order_created", !orders.existsForDeal(after.id()));
            }
            events.record("deal." + after.status(), subject, data);
            if (won) {
                // a won deal becomes an order, in the same transaction
                orders.createForWonDeal(after.id(), after.userId(), after.email(), after.personName(), after.title());
            }
        }
    }
}
