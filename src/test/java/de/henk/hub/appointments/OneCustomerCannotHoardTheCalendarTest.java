package de.henk.hub.appointments;

import de.henk.hub.support.Api;
import de.henk.hub.support.AtelierDays;
import de.henk.hub.support.HubTest;
import de.henk.hub.support.SecondHub;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** With the shipped limits: one appointment per type and day, three upcoming in all; the sales team may book more. */
class OneCustomerCannotHoardTheCalendarTest extends HubTest {

    @Autowired
    private JdbcClient db;

    @Test
    void aCustomerBooksOneConsultationADayAndAFewInAllTheSalesTeamMore() throws Exception {
        try (SecondHub hub = SecondHub.start(Map.of("henk.appointments.limits.max-per-type-per-day", "1",
                "henk.appointments.limits.max-upcoming-per-customer", "3"))) {
            Api shop = hub.api();
            Account customer = register(uniqueEmail("hamster"));
            LocalDate day = AtelierDays.nextOpenWeekday();
            assertThat(book(shop, customer, day, "10:00", "consultation").status()).isEqualTo(201);
            for (String time : new String[] {"11:00", "12:00", "13:00", "14:00", "15:00", "16:00", "17:00"}) {
                Api.Response hoarded = book(shop, customer, day, time, "consultation");
                assertThat(hoarded.status()).as(hoarded.toString()).isEqualTo(409);
                assertThat(hoarded.json().path("code").asText()).isEqualTo("appointment_limit");
                assertThat(hoarded.header("Content-Type")).startsWith("application/problem+json");
            }
            // another type that day is fine, and so is a third booking another day — then the calendar is full
            assertThat(book(shop, customer, day, "11:00", "measurement").status()).isEqualTo(201);
            LocalDate later = AtelierDays.nextOpenWeekday();
            assertThat(book(shop, customer, later, "10:00", "consultation").status()).isEqualTo(201);
            Api.Response fourth = book(shop, customer, AtelierDays.nextOpenWeekday(), "10:00", "pickup");
            assertThat(fourth.status()).isEqualTo(409);
            assertThat(fourth.json().path("detail").asText()).contains("3 upcoming");
            assertThat(db.sql("select count(*) from appointment where user_id = :u").param("u", customer.userId())
                    .query(Long.class).single()).isEqualTo(3);

            Account sales = salesPerson();
            Map<String, Object> forCustomer = new LinkedHashMap<>(Map.of("customer_id", customer.userId(),
                    "date", day.toString(), "time", "16:00", "type", "consultation"));
            assertThat(shop.post("/api/appointments", forCustomer, sales.accessToken()).status()).isEqualTo(201);

        }
    }

    private static Api.Response book(Api shop, Account customer, LocalDate day, String time, String type) {
        return shop.post("/api/appointments", Map.of("date", day.toString(), "time", time, "type", type),
                customer.accessToken());
    }
}
