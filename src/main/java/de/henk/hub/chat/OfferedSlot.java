package de.henk.hub.chat;

import java.time.LocalDate;
import java.time.LocalTime;

/** A free time HENK offered in the chat: type ("measurement"), day ("2026-12-01") and start ("10:30"). */
public record OfferedSlot(String type, String date, String time) {

    public static OfferedSlot of(String type, LocalDate date, LocalTime time) {
        return new OfferedSlot(type, date.toString(), time.toString());
    }

    public LocalDate day() {
        return LocalDate.parse(date);
    }

    public LocalTime start() {
        return LocalTime.parse(time);
    }
}
