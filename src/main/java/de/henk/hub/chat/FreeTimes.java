package de.henk.hub.chat;

import de.henk.hub.appointments.AppointmentBook;
import de.henk.hub.appointments.AppointmentType;
import de.henk.hub.appointments.AtelierCalendar;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The free times HENK offers for a wish, by the atelier's opening hours ({@code henk.appointments.opening-hours},
 * holidays) and its diary: on the wished day the times nearest to the wished one; from a rough day on ("in zwei
 * Wochen") or without a day, the first fitting time on each open day. A wished day or time the atelier is closed at
 * ({@link #outsideHours}) is said, and the nearest open times are offered instead.
 */
final class FreeTimes {

    private final AppointmentBook book;
    private final AtelierCalendar calendar;
    private final int searchDays;
    private final int offered;

    FreeTimes(AppointmentBook book, AtelierCalendar calendar, int searchDays, int offered) {
        this.book = book;
        this.calendar = calendar;
        this.searchDays = searchDays;
        this.offered = offered;
    }

    /**
     * The wished day or time when the atelier is not open for this appointment then: closed that day (Sunday, a
     * holiday), or the time before opening or too late to finish before closing. Null when it is open, or the wish
     * names no day.
     */
    ChatAppointment.OutsideHours outsideHours(SlotWish wish, AppointmentType type) {
        if (wish.date() == null || wish.roughDate() || wish.date().isBefore(calendar.today())) {
            return null;
        }
        LocalTime[] hours = calendar.openingHours(wish.date()).orElse(null);
        if (hours == null) {
            return new ChatAppointment.OutsideHours(wish.date().toString(), null, null);
        }
        List<LocalTime> starts = calendar.candidateStarts(wish.date(), type);
        boolean none = wish.time() != null && starts.stream().noneMatch(wish::fitsTime)
                || wish.partOfDay() != null && wish.time() == null && starts.stream().noneMatch(wish.partOfDay()::contains);
        return none ? new ChatAppointment.OutsideHours(wish.date().toString(), hours[0].toString(), hours[1].toString())
                : null;
    }

    /** Whether the atelier's hours allow an appointment of this type to start then (free or not). */
    boolean withinHours(LocalDate day, LocalTime start, AppointmentType type) {
        return calendar.candidateStarts(day, type).contains(start);
    }

    /**
     * Free times for the wish: on the wished day the times nearest to the wished one (or spread over the day);
     * otherwise the first fitting time on each of the next open days, one per day so the customer can choose the
     * day. Times already offered and turned down are left out. Searches {@code henk.chat.slots.search-days} days.
     * When the wished time lies outside the opening hours, the nearest times the atelier is open are offered.
     */
    List<OfferedSlot> propose(SlotWish wish, AppointmentType type, List<OfferedSlot> turnedDown) {
        if (outsideHours(wish, type) != null && calendar.openingHours(wish.date()).isPresent()) {
            // "Montag um 20 Uhr", "Friday after 6 pm" with the atelier closing at 19:00: its nearest times that day
            wish = new SlotWish(wish.date(), wish.time(), null, wish.type());
        }
        LocalDate from = calendar.today().plusDays(1);
        if (wish.date() != null && !wish.roughDate()) {
            List<LocalTime> free = freeTimes(wish.date(), type, wish, turnedDown);
            if (!free.isEmpty()) {
                return onOneDay(wish.date(), free, wish.time(), type);
            }
            from = wish.date().plusDays(1); // that day is full or closed: the same time of day on the days after it
        } else if (wish.date() != null && wish.date().isAfter(from)) {
            from = wish.date(); // "in zwei Wochen": from that day on
        }
        List<OfferedSlot> slots = new ArrayList<>();
        for (LocalDate day = from; slots.size() < offered && day.isBefore(from.plusDays(searchDays));
             day = day.plusDays(1)) {
            List<LocalTime> free = freeTimes(day, type, wish.withoutDate(), turnedDown);
            if (!free.isEmpty()) {
                LocalTime start = wish.time() == null ? free.get(0) : nearest(free, wish.time());
                slots.add(OfferedSlot.of(type.id(), day, start));
            }
        }
        return slots;
    }

    private List<LocalTime> freeTimes(LocalDate day, AppointmentType type, SlotWish wish, List<OfferedSlot> turnedDown) {
        if (day.isBefore(calendar.today()) || calendar.openingHours(day).isEmpty()) {
            return List.of();
        }
        return book.availability(day.toString(), type.id()).stream()
                .filter(t -> wish.partOfDay() == null || wish.partOfDay().contains(t))
                .filter(t -> !wish.notBefore() || wish.fitsTime(t))
                .filter(t -> turnedDown.stream().noneMatch(s -> s.day().equals(day) && s.start().equals(t)))
                .toList();
    }

    /** Up to {@code henk.chat.slots.offered} times that day: nearest to the wished time, else spread at least 90 min apart. */
    private List<OfferedSlot> onOneDay(LocalDate day, List<LocalTime> free, LocalTime wished, AppointmentType type) {
        List<LocalTime> chosen = new ArrayList<>();
        if (wished != null) {
            free.stream().sorted(Comparator.comparingLong(t -> Math.abs(Duration.between(wished, t).toMinutes())))
                    .limit(offered).sorted().forEach(chosen::add);
        } else {
            for (LocalTime t : free) {
                if (chosen.size() < offered && (chosen.isEmpty()
                        || !t.isBefore(chosen.get(chosen.size() - 1).plusMinutes(90)))) {
                    chosen.add(t);
                }
            }
        }
        return chosen.stream().map(t -> OfferedSlot.of(type.id(), day, t)).toList();
    }

    private static LocalTime nearest(List<LocalTime> free, LocalTime wished) {
        return free.stream().min(Comparator.comparingLong(t -> Math.abs(Duration.between(wished, t).toMinutes())))
                .orElseThrow();
    }
}
