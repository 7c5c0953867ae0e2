package de.henk.hub.web;

import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deal, an order, an appointment or an outbox entry has one path: its id as the hub writes it. A sign, leading
 * zeros or non-ASCII digits name nothing (404), where they used to reach the same record as the plain id.
 */
class OneSpellingPerIdTest extends HubTest {

    @Test
    void aDealIsFoundByItsIdOnlyAsWritten() {
        String sales = salesPerson().accessToken();
        Api.Response lead = api.post("/api/crm/lead", leadBody("Ida Eins", uniqueEmail("ids"), "Anzug", 1500), sales);
        assertThat(lead.status()).as(lead.toString()).isIn(201, 202);
        long id = lead.json().path("deal").path("id").asLong();
        assertThat(id).isPositive();

        assertThat(api.get("/api/crm/deal/" + id, sales).status()).isEqualTo(200);
        for (String other : List.of("+" + id, "0" + id, "00" + id, "%20" + id, id + "%20", toArabicIndic(id))) {
            Api.Response response = api.get("/api/crm/deal/" + other, sales);
            assertThat(response.status()).as(other + ": " + response).isEqualTo(404);
            assertThat(response.text("code")).as(other).isEqualTo("deal_not_found");
        }
    }

    @Test
    void ordersAppointmentsAndOutboxEntriesToo() {
        String sales = salesPerson().accessToken();
        String admin = admin().accessToken();
        assertThat(api.get("/api/orders/+1", sales).status()).isEqualTo(404);
        assertThat(api.get("/api/orders/01", sales).status()).isEqualTo(404);
        assertThat(api.delete("/api/appointments/+1", sales).status()).isEqualTo(404);
        Api.Response retry = api.post("/api/admin/crm/outbox/+1/retry", null, admin);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(404);
        assertThat(retry.text("code")).isEqualTo("outbox_entry_not_found");
    }

    private static String toArabicIndic(long id) {
        StringBuilder digits = new StringBuilder();
        for (char c : Long.toString(id).toCharArray()) {
            digits.append((char) ('\u0660' + (c - '0')));
        }
        return java.net.URLEncoder.encode(digits.toString(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
