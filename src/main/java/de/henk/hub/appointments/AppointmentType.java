package de.henk.hub.appointments;

import de.henk.hub.web.ApiException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a customer comes to the atelier for. */
public enum AppointmentType {
    MEASUREMENT("measurement", "Maßnehmen", "Measurements"),
    CONSULTATION("consultation", "Beratung", "Consultation"),
    FIRST_FITTING("first-fitting", "Erste Anprobe", "First fitting"),
    SECOND_FITTING("second-fitting", "Zweite Anprobe", "Second fitting"),
    PICKUP("pickup", "Abholung", "Pickup");

    private final String id;
    private final String german;
    private final String english;

    AppointmentType(String id, String german, String english) {
        this.id = id;
        this.german = german;
        this.english = english;
    }

    public String id() { return id; }
    public String label(String language) { return "en".equals(language) ? english : german; }

    /** "first-fitting", "first_fitting" and "first fitting" are the same type. */
    public static AppointmentType of(String value) {
        String normalized = value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        return Arrays.stream(values()).filter(t -> t.id.equals(normalized)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("unknown_appointment_type", "type must be one of "
                        + Arrays.stream(values()).map(AppointmentType::id).collect(Collectors.joining(", "))));
    }
}
