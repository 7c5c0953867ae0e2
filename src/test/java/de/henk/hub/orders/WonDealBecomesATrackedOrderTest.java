package de.henk.hub.orders;

import com.fasterxml.jackson.databind.JsonNode;
import de.henk.hub.support.Api;
import de.henk.hub.support.AtelierDays;
import de.henk.hub.support.HubTest;
import de.henk.hub.support.SharedMail;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The journey after the sale: the won deal becomes an order, the customer books the measurement, the order moves
 * through the tailoring stages — with the customer mailed and the events raised at each step.
 */
class WonDealBecomesATrackedOrderTest extends HubTest {

    @Autowired
    JdbcClient db;

    @Test
    void fromWonDealToMeasurementToTheFirstStagesOfTheOrder() throws Exception {
        Account customer = register(uniqueEmail("kunde"));
        Account sales = salesPerson();
        long deal = api.post("/api/crm/lead", Map.of("name", "Max Mustermann", "email", customer.email(),
                "deal_title", "Hochzeits-Anzug Juni 2027", "deal_value", 2500), customer.accessToken())
                .json().path("deal").path("id").asLong();
        assertThat(api.put("/api/crm/deal/" + deal, Map.of("status", "won", "value", 2800), sales.accessToken())
                .status()).isEqualTo(200);

        Api.Response orders = api.get("/api/orders/customer/" + customer.userId(), customer.accessToken());
        assertThat(orders.status()).as(orders.toString()).isEqualTo(200);
        assertThat(orders.json().path("orders")).hasSize(1);
        JsonNode order = orders.json().path("orders").get(0);
        assertThat(order.path("status").asText()).isEqualTo("confirmed");
        assertThat(order.path("deal_id").asLong()).isEqualTo(deal);
        assertThat(order.path("steps")).hasSize(8);
        assertThat(order.path("steps").get(0).path("reached_at").isNull()).isFalse();
        long orderId = order.path("id").asLong();

        // the customer books the measurement
        Api.Response booked = api.post("/api/appointments", Map.of("date",
                AtelierDays.nextOpenWeekday().toString(), "time", "10:00", "type", "measurement"),
                customer.accessToken());
        assertThat(booked.status()).isEqualTo(201);
        assertThat(booked.json().path("deal_id").asLong()).isEqualTo(deal);

        // the sales team moves the order on; the customer hears about it
        Api.Response moved = api.put("/api/orders/" + orderId + "/status", Map.of("status", "measurement_taken"),
                sales.accessToken());
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().path("status").asText()).isEqualTo("measurement_taken");
        assertThat(api.put("/api/orders/" + orderId + "/status", Map.of("status", "cutting"), sales.accessToken())
                .status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(SharedMail.receivedBy(customer.email()))
                .extracting(m -> m.getSubject())
                .anyMatch(s -> s.contains("Ihr Maßanzug"))
                .anyMatch(s -> s.startsWith("Ihr Termin"))
                .anyMatch(s -> s.contains("Maße genommen"))
                .anyMatch(s -> s.contains("Zuschnitt")));
        assertThat(db.sql("select type from event_outbox where subject in (:d, :o, :a)")
                .param("d", "deal/" + deal).param("o", "order/" + orderId)
                .param("a", "appointment/" + booked.json().path("id").asLong())
                .query(String.class).list())
                .contains("henk.deal.won", "henk.order.created", "henk.appointment.booked",
                        "henk.order.status-changed");
        // RFC 3339 date-times, with seconds also for a fitting on the hour (toString() wrote "10:00+01:00")
        String rfc3339 = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})";
        for (String payload : db.sql("select payload from event_outbox where subject = :a")
                .param("a", "appointment/" + booked.json().path("id").asLong()).query(String.class).list()) {
            JsonNode event = new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload);
            assertThat(event.path("time").asText()).matches(rfc3339);
            assertThat(event.path("data").path("starts_at").asText()).matches(rfc3339);
            assertThat(event.path("data").path("ends_at").asText()).matches(rfc3339);
        }
    }

    @Test
    void ordersMoveOnlyForwardAndOnlyTheSalesTeamMovesThem() {
        Account customer = register(uniqueEmail("kunde"));
        Account other = register(uniqueEmail("andere"));
        Account sales = salesPerson();
        long deal = api.post("/api/crm/lead", Map.of("name", "Eva Klein", "email", customer.email(),
                "deal_title", "Business-Anzug", "deal_value", 1800), customer.accessToken())
                .json().path("deal").path("id").asLong();
        api.put("/api/crm/deal/" + deal, Map.of("status", "won"), sales.accessToken());
        // won, reopened, won again: still one order
        api.put("/api/crm/deal/" + deal, Map.of("status", "open"), sales.accessToken());
        api.put("/api/crm/deal/" + deal, Map.of("status", "won"), sales.accessToken());
        JsonNode orders = api.get("/api/orders/customer/" + customer.userId(), sales.accessToken()).json();
        assertThat(orders.path("orders")).hasSize(1);
        long orderId = orders.path("orders").get(0).path("id").asLong();

        assertThat(api.put("/api/orders/" + orderId + "/status", Map.of("status", "finishing"), sales.accessToken())
                .status()).isEqualTo(200);
        Api.Response back = api.put("/api/orders/" + orderId + "/status", Map.of("status", "cutting"),
                sales.accessToken());
        assertThat(back.status()).isEqualTo(409);
        assertThat(back.json().path("code").asText()).isEqualTo("invalid_transition");
        assertThat(api.put("/api/orders/" + orderId + "/status", Map.of("status", "sewn"), sales.accessToken())
                .json().path("code").asText()).isEqualTo("unknown_order_status");
        assertThat(api.put("/api/orders/" + orderId + "/status", Map.of("status", "delivered"), customer.accessToken())
                .status()).isEqualTo(403);
        assertThat(api.get("/api/orders/customer/" + customer.userId(), other.accessToken()).status()).isEqualTo(404);
        // the sales team asking about an id that is no account: 404 as for a customer, not an empty list
        Api.Response nobody = api.get("/api/orders/customer/no-such-customer", sales.accessToken());
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.json().path("code").asText()).isEqualTo("customer_not_found");
        assertThat(api.get("/api/orders/customer/" + other.userId(), sales.accessToken()).json().path("orders"))
                .isEmpty();
        assertThat(api.get("/api/orders/" + orderId, other.accessToken()).status()).isEqualTo(404);
        assertThat(api.get("/api/orders/" + orderId, customer.accessToken()).json().path("status").asText())
                .isEqualTo("finishing");
    }
}
