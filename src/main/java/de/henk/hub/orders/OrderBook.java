package de.henk.hub.orders;

import de.henk.hub.auth.Caller;
import de.henk.hub.auth.Role;
import de.henk.hub.auth.UserRepository;
import de.henk.hub.events.DomainEvents;
import de.henk.hub.system.Page;
import de.henk.hub.system.Timestamps;
import de.henk.hub.web.ApiException;
import de.henk.hub.web.PathIds;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders: a won deal becomes one (once), and the sales team moves it forward through the tailoring stages —
 * each move raises henk.order.status-changed, which mails the customer.
 */
@Service("orders")
public class OrderBook {

    private final JdbcClient db;
    private final UserRepository users;
    private final DomainEvents events;
    private final Clock clock;

    public OrderBook(JdbcClient db, UserRepository users, DomainEvents events, Clock clock) {
        this.db = db;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** True when the deal became an order already (it was won before: reopened or lost, and won again). */
    public boolean existsForDeal(long dealId) {
        return db.sql("select count(*) from tailoring_order where deal_id = :d").param("d", dealId)
                .query(Long.class).single() > 0;
    }

    /** Called inside the transaction that marks the deal won; a second win of the same deal creates nothing. */
    public void createForWonDeal(long dealId, String userId, String email, String name, String title) {
        long existing = db.sql("select count(*) from tailoring_order where deal_id = :d").param("d", dealId)
                .query(Long.class).single();
        if (existing > 0) {
            return;
        }
        OffsetDateTime now = Timestamps.now(clock);
        LocalDate today = now.atZoneSameInstant(ZoneId.of("Europe/Berlin")).toLocalDate();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                insert into tailoring_order (deal_id, user_id, customer_email, customer_name, title, status,
                                             expected_ready_date, created_at, updated_at)
                values (:deal, :user, :email, :name, :title, 'confirmed', :ready, :now, :now)""")
                .param("deal", dealId).param("user", userId, java.sql.Types.VARCHAR).param("email", email)
                .param("name", name).param("title", title)
                .param("ready", today.plusDays(OrderStatus.READY_FOR_PICKUP.dayOffset())).param("now", now)
                .update(key, "id");
        long orderId = key.getKey().longValue();
        for (OrderStatus step : OrderStatus.values()) {
            db.sql("""
                    insert into tailoring_order_step (order_id, status, expected_date, reached_at)
                    values (:order, :status, :expected, :reached)""")
                    .param("order", orderId).param("status", step.id()).param("expected", today.plusDays(step.dayOffset()))
                    .param("reached", step == OrderStatus.CONFIRMED ? now : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                    .update();
        }
        events.record("order.created", "order/" + orderId, DomainEvents.data("order_id", orderId, "deal_id", dealId,
                "status", OrderStatus.CONFIRMED.id(), "email", email, "name", name, "user_id", userId));
    }

    /** A customer's orders: the customer themself or the sales team; anyone else gets "not found". */
    public OrderList forCustomer(String customerId, Caller caller) {
        // Camel hands the path segment "null" over as null: no such customer, for the sales team too
        if (customerId == null || !caller.has(Role.BETA) && !customerId.equals(caller.userId())) {
            throw ApiException.notFound("customer_not_found", "No orders for this customer");
        }
        // the sales team asks about anyone: an id that is no account is a mistake, not a customer without orders
        if (!customerId.equals(caller.userId()) && users.findById(customerId).isEmpty()) {
            throw ApiException.notFound("customer_not_found", "No customer with this id");
        }
        List<OrderView> orders = db.sql("select * from tailoring_order where user_id = :u order by created_at desc")
                .param("u", customerId).query(this::map).list();
        return new OrderList(orders);
    }

    /** The sales team's view of all orders, newest first, optionally of one status, paged. */
    public OrderPage list(String status, String page, String size) {
        Page.Request request = Page.request(page, size);
        String wanted = status == null || status.isBlank() ? null : OrderStatus.of(status).id();
        String where = wanted == null ? "" : " where status = :s";
        var query = db.sql("select * from tailoring_order" + where + " order by created_at desc, id desc"
                + " offset :offset rows fetch next :limit rows only")
                .param("offset", request.offset()).param("limit", request.size());
        var count = db.sql("select count(*) from tailoring_order" + where);
        if (wanted != null) {
            query = query.param("s", wanted);
            count = count.param("s", wanted);
        }
        return new OrderPage(query.query(this::map).list(), request.of(count.query(Long.class).single()));
    }

    public OrderView get(String id, Caller caller) {
        return find(id).filter(o -> caller.has(Role.BETA) || caller.userId().equals(o.customerId()))
                .orElseThrow(OrderBook::notFound);
    }

    /** Moves the order forward (never back) to the given stage. */
    @Transactional
    public OrderView changeStatus(String id, StatusChange change) {
        OrderView order = find(id).orElseThrow(OrderBook::notFound);
        OrderStatus target = OrderStatus.of(change.status());
        OrderStatus current = OrderStatus.of(order.status());
        if (target.ordinal() <= current.ordinal()) {
            throw invalidTransition(current);
        }
        OffsetDateTime now = Timestamps.now(clock);
        // compare-and-set: of several requests that read the same stage at once, only the first moves the order
        // (the others find it no longer at that stage) — one transition, one event, one mail to the customer
        int moved = db.sql("update tailoring_order set status = :s, updated_at = :now where id = :id and status = :read")
                .param("s", target.id()).param("now", now).param("id", order.id()).param("read", current.id())
                .update();
        if (moved == 0) {
            throw invalidTransition(find(id).map(o -> OrderStatus.of(o.status())).orElse(current));
        }
        db.sql("update tailoring_order_step set reached_at = :now where order_id = :id and status = :s")
                .param("now", now).param("id", order.id()).param("s", target.id()).update();
        OrderView changed = find(id).orElseThrow();
        events.record("order.status-changed", "order/" + order.id(), DomainEvents.data("order_id", order.id(),
                "deal_id", order.dealId(), "status", target.id(), "previous_status", current.id(),
                "expected_ready_date", changed.expectedReadyDate().toString(), "title", order.title(),
                "name", order.customerName(), "email", order.customerEmail(), "user_id", order.customerId()));
        return changed;
    }

    private Optional<OrderView> find(String id) {
        OptionalLong number = PathIds.numeric(id);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        return db.sql("select * from tailoring_order where id = :id").param("id", number.getAsLong())
                .query(this::map).optional();
    }

    private OrderView map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<OrderView.Step> steps = db.sql("""
                select status, expected_date, reached_at from tailoring_order_step where order_id = :id""")
                .param("id", id)
                .query((r, n) -> new OrderView.Step(r.getString("status"), r.getObject("expected_date", LocalDate.class),
                        r.getObject("reached_at", OffsetDateTime.class)))
                .list().stream().sorted((a, b) -> OrderStatus.of(a.status()).compareTo(OrderStatus.of(b.status())))
                .toList();
        return new OrderView(id, rs.getLong("deal_id"), rs.getString("user_id"), rs.getString("customer_name"),
                rs.getString("customer_email"), rs.getString("title"), rs.getString("status"),
                rs.getObject("expected_ready_date", LocalDate.class), steps,
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static ApiException invalidTransition(OrderStatus current) {
        return ApiException.conflict("invalid_transition", "The order is at " + current.id()
                + "; it can only move forward (e.g. to " + OrderStatus.values()[Math.min(current.ordinal() + 1,
                OrderStatus.values().length - 1)].id() + ")");
    }

    private static ApiException notFound() {
        return ApiException.notFound("order_not_found", "No order with this id");
    }

    public record StatusChange(@jakarta.validation.constraints.NotBlank String status) { }

    public record OrderList(List<OrderView> orders) { }

    public record OrderPage(List<OrderView> orders, Page page) { }
}
