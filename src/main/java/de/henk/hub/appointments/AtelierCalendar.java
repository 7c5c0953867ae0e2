package de.henk.hub.appointments;

import de.henk.hub.config.HenkProperties;
import de.henk.hub.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The atelier's opening hours, holidays and slot grid, from henk.appointments.* — in the atelier's time zone. */
@Component
public class AtelierCalendar {

    private final HenkProperties.Appointments settings;
    private final Set<LocalDate> holidays;
    private final Set<java.time.MonthDay> yearlyHolidays;
    private final Clock clock;

    /**
     * {@code henk.appointments.holidays}: "12-24" is closed every year, "2027-04-02" on that day only (a fixed list
     * of dates left Christmas bookable once the year after it came within the booking horizon).
     */
    public AtelierCalendar(HenkProperties properties, Clock clock) {
        this.settings = properties.appointments();
        this.clock = clock;
        java.util.List<String> entries = Arrays.stream(settings.holidays().split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        this.holidays = entries.stream().filter(e -> e.length() > 5).map(LocalDate::parse).collect(Collectors.toSet());
        this.yearlyHolidays = entries.stream().filter(e -> e.length() <= 5)
                .map(e -> java.time.MonthDay.parse("--" + e)).collect(Collectors.toSet());
    }

    public ZoneId zone() {
        return settings.zone();
    }

    public Duration duration(AppointmentType type) {
        Integer minutes = settings.durations().get(type.id());
        return Duration.ofMinutes(minutes == null ? 60 : minutes);
    }

    public Duration slot() {
        return Duration.ofMinutes(settings.slotMinutes());
    }

    public Duration cancellationNotice() {
        return settings.cancellationNotice();
    }

    /** How far from today a date may lie, for booking and for availability. */
    public java.time.Period bookingHorizon() {
        return settings.bookingHorizon();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    /** Opening and closing time that day, or empty when closed (weekday without hours, holiday). */
    public Optional<LocalTime[]> openingHours(LocalDate date) {
        if (holidays.contains(date) || yearlyHolidays.contains(java.time.MonthDay.from(date))) {
            return Optional.empty();
        }
        String hours = settings.openingHours().get(date.getDayOfWeek());
        if (hours == null || hours.isBlank()) {
            return Optional.empty();
        }
        String[] parts = hours.split("-");
        return Optional.of(new LocalTime[] {LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip())});
    }

    /** Checks that the appointment lies within opening hours, on the slot grid, and in the future. */
    public ZonedDateTime validStart(LocalDate date, LocalTime time, AppointmentType type) {
        LocalTime[] hours = openingHours(date).orElseThrow(() -> ApiException.badRequest("atelier_closed",
                "The atelier is closed on " + date));
        ZonedDateTime start = LocalDateTime.of(date, time).atZone(zone());
        if (!start.isAfter(ZonedDateTime.now(clock.withZone(zone())))) {
            throw ApiException.badRequest("date_in_past", "The appointment must be in the future");
        }
        if (time.isBefore(hours[0]) || time.plus(duration(type)).isAfter(hours[1])) {
            throw ApiException.badRequest("outside_business_hours", "On " + date.getDayOfWeek() + " we are open "
                    + hours[0] + "–" + hours[1] + "; a " + type.id() + " takes " + duration(type).toMinutes() + " min");
        }
        if ((time.toSecondOfDay() - hours[0].toSecondOfDay()) % slot().toSeconds() != 0) {
            throw ApiException.badRequest("not_on_slot_grid", "Appointments start every " + slot().toMinutes()
                    + " minutes from opening time");
        }
        return start;
    }

    /** Every start time on the grid at which an appointment of this type fits the opening hours that day. */
    public List<LocalTime> candidateStarts(LocalDate date, AppointmentType type) {
        List<LocalTime> starts = new ArrayList<>();
        openingHours(date).ifPresent(hours -> {
            for (LocalTime t = hours[0]; !t.plus(duration(type)).isAfter(hours[1]) && t.isAfter(hours[0].minusNanos(1));
                 t = t.plus(slot())) {
                starts.add(t);
                if (t.plus(slot()).isBefore(t)) {
                    break; // wrapped past midnight
                }
            }
        });
        return starts;
    }
}
