package de.henk.hub.support;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Days the atelier is open, at least a week ahead — a different one per call (tests share one calendar). */
public final class AtelierDays {

    private static final Set<String> HOLIDAYS = Set.of("12-24", "12-25", "12-26", "12-31", "01-01");
    private static final AtomicInteger NEXT = new AtomicInteger(7);

    private AtelierDays() { }

    public static synchronized LocalDate nextOpenWeekday() {
        LocalDate day;
        do {
            day = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(NEXT.getAndIncrement());
        } while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                || HOLIDAYS.contains(String.format("%02d-%02d", day.getMonthValue(), day.getDayOfMonth())));
        return day;
    }
}
