package de.henk.hub.appointments;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

public record AppointmentView(long id, String customerId, String customerName, String customerEmail, String type,
                              LocalDate date, LocalTime time, OffsetDateTime startsAt, OffsetDateTime endsAt,
                              long durationMinutes, String status, String notes, Long dealId,
                              OffsetDateTime createdAt) { }
