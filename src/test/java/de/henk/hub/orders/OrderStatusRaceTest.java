package de.henk.hub.orders;

import de.henk.hub.support.Api;
import de.henk.hub.support.AtOnce;
import de.henk.hub.support.HubTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Twenty members of the sales team press "measurement taken" at the same moment: one of them moves the order, the
 * others are told it is no longer at "confirmed" — and the customer gets one mail, not one per click.
 */
class OrderStatusRaceTest extends HubTest {

    @Autowired
    JdbcClient db;

    @Test
    void parallelMovesToTheSameStageMoveTheOrderOnceAndMailOnce() throws Exception {
        Account customer = register(uniqueEmail("kunde"));
        Account sales = salesPerson();
        long deal = api.post("/api/crm/lead", leadBody("Max Mustermann", customer.email(), "Hochzeits-Anzug", 2500),
                customer.accessToken()).json().path("deal").path("id").asLong();
        assertThat(api.put("/api/crm/deal/" + deal, Map.of("status", "won"), sales.accessToken()).status())
                .isEqualTo(200);
        long orderId = api.get("/api/orders/customer/" + customer.userId(), sales.accessToken()).json()
                .path("orders").get(0).path("id").asLong();

        List<Api.Response> responses = AtOnce.run(20, () -> api.put("/api/orders/" + orderId + "/status",
                Map.of("status", "measurement_taken"), sales.accessToken()));

        Map<Integer, Long> statuses = responses.stream().collect(Collectors.groupingBy(Api.Response::status,
                Collectors.counting()));
        assertThat(statuses).as(responses.toString()).isEqualTo(Map.of(200, 1L, 409, 19L));
        assertThat(responses).filteredOn(r -> r.status() == 409)
                .allSatisfy(r -> assertThat(r.json().path("code").asText()).isEqualTo("invalid_transition"));
        assertThat(db.sql("select count(*) from event_outbox where subject = :s and type = 'henk.order.status-changed'")
                .param("s", "order/" + orderId).query(Long.class).single()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).during(Duration.ofSeconds(3)).until(() -> db.sql("""
                select count(*) from mail_outbox where recipient = :r and kind = 'order-status'""")
                .param("r", customer.email()).query(Long.class).single() == 1);
    }
}
