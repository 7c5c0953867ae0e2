package de.henk.hub.orders;

import de.henk.hub.web.ApiException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The tailoring stages an order moves through, in order, with the usual days after the order. */
public enum OrderStatus {
    CONFIRMED("confirmed", 0, "Auftrag bestätigt", "Order confirmed"),
    MEASUREMENT_TAKEN("measurement_taken", 7, "Maße genommen", "Measurements taken"),
    CUTTING("cutting", 14, "Zuschnitt", "Cutting"),
    FIRST_FITTING("first_fitting", 21, "Erste Anprobe", "First fitting"),
    SECOND_FITTING("second_fitting", 35, "Zweite Anprobe", "Second fitting"),
    FINISHING("finishing", 42, "Fertigstellung", "Finishing"),
    READY_FOR_PICKUP("ready_for_pickup", 49, "Abholbereit", "Ready for pickup"),
    DELIVERED("delivered", 56, "Übergeben", "Delivered");

    private final String id;
    private final int dayOffset;
    private final String german;
    private final String english;

    OrderStatus(String id, int dayOffset, String german, String english) {
        this.id = id;
        this.dayOffset = dayOffset;
        this.german = german;
        this.english = english;
    }

    public String id() { return id; }
    public int dayOffset() { return dayOffset; }
    public String label(String language) { return "en".equals(language) ? english : german; }

    public static OrderStatus of(String value) {
        String normalized = value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values()).filter(s -> s.id.equals(normalized)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("unknown_order_status", "status must be one of "
                        + Arrays.stream(values()).map(OrderStatus::id).collect(Collectors.joining(", "))));
    }
}
